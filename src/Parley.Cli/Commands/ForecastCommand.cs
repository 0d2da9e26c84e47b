using System.ComponentModel;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Cli.Rendering;
using Parley.Core.Forecasting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley forecast [FILE]</c>: every chosen model's forecast on every issue.</summary>
internal sealed class ForecastCommand(CliIo io) : Command<ForecastCommand.Settings>
{
    internal sealed class Settings : ScenarioSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("compromise, median, eum or all (comma-separated for several). Default: all.")]
        public string? Model { get; init; }

        [CommandOption("--variant <ID>")]
        [Description("Run a named variant instead of the baseline (see 'parley show').")]
        public string? Variant { get; init; }

        [CommandOption("--rounds <N>")]
        [Description("Rounds of the eum model (default 10).")]
        public int? Rounds { get; init; }

        [CommandOption("--q <Q>")]
        [Description("eum: probability Q in [0,1] that the status quo holds when nobody challenges (default 1).")]
        public double? Q { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful)
            {
                return baseResult;
            }

            if (!ModelCatalog.TryParse(Model, out _, out var error))
            {
                return ValidationResult.Error(error);
            }

            if (Rounds is { } r && (r < 1 || r > 10_000))
            {
                return ValidationResult.Error($"--rounds {r} is out of range: give a whole number from 1 to 10000.");
            }

            if (Q is { } q && !(q >= 0 && q <= 1))
            {
                return ValidationResult.Error($"--q {q.ToString(CultureInfo.InvariantCulture)} is out of range: give a probability from 0 to 1.");
            }

            if (Format is not ("table" or "json"))
            {
                return ValidationResult.Error($"--format '{Format}' is not known: use table or json.");
            }

            return ValidationResult.Success();
        }
    }

    protected override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = VariantResolver.Apply(ScenarioResolver.Resolve(settings.File, settings.LoadOptions()), settings.Variant);
        ModelCatalog.TryParse(settings.Model, out var ids, out _);
        var models = ModelCatalog.Create(ids, new ModelParameters(settings.Rounds, settings.Q));
        var forecast = ScenarioForecaster.Run(scenario, models);
        if (settings.Format == "json")
        {
            io.Out.Write(ForecastJsonWriter.Write(forecast));
        }
        else
        {
            ForecastTableRenderer.Render(io.Console, forecast);
        }

        return 0;
    }
}
