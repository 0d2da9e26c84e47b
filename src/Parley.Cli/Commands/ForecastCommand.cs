using System.ComponentModel;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Cli.Rendering;
using Parley.Core.Forecasting;
using Parley.Core.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley forecast [FILE]</c>: every chosen model's forecast on every issue, with its Monte Carlo spread.</summary>
internal sealed class ForecastCommand(CliIo io) : Command<ForecastCommand.Settings>
{
    /// <summary>Draws run when --draws is not given: enough for a stable p10/p90, cheap enough for an instant answer.</summary>
    public const int DefaultDraws = 1000;

    internal sealed class Settings : UncertaintySettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("compromise, median, eum, smp, exchange or all (comma-separated for several). Default: all.")]
        public string? Model { get; init; }

        [CommandOption("--variant <ID>")]
        [Description("Run a named variant instead of the baseline (see 'parley show').")]
        public string? Variant { get; init; }

        [CommandOption("--rounds <N>")]
        [Description("Rounds of the eum and exchange models (default 10).")]
        public int? Rounds { get; init; }

        [CommandOption("-q|--status-quo-q <Q>")]
        [Description("eum: probability Q in [0,1] that the status quo holds when nobody challenges (default 1).")]
        public double? Q { get; init; }

        [CommandOption("--draws <N>")]
        [Description("Monte Carlo draws over the low / most-likely / high ranges (default 1000; 0 = most-likely values only).")]
        public int Draws { get; init; } = DefaultDraws;

        [CommandOption("--quantiles <LIST>")]
        [Description("Extra quantiles in percent, e.g. 5,25,75,95 (p10, p50 and p90 are always given).")]
        public string? Quantiles { get; init; }

        [CommandOption("--threshold <LIST>")]
        [Description("Thresholds t in the issue's units: reports P(outcome ≥ t) and P(outcome ≤ t), e.g. 70 or 25,75.")]
        public string? Threshold { get; init; }

        [CommandOption("--export-draws <FILE>")]
        [Description("Write every draw's outcome as CSV (draw,issue,model,outcome).")]
        public string? ExportDraws { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public IReadOnlyList<double> QuantileList => TryParseList(Quantiles, "--quantiles", 0, 100, out var q, out _) ? q.Select(x => x / 100).ToList() : [];

        public IReadOnlyList<double> ThresholdList => TryParseList(Threshold, "--threshold", double.MinValue, double.MaxValue, out var t, out _) ? t : [];

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

            if (Draws < 0 || Draws > 10_000_000)
            {
                return ValidationResult.Error($"--draws {Draws} is out of range: give 0 to 10000000.");
            }

            if (!TryParseList(Quantiles, "--quantiles", 0, 100, out _, out error) || !TryParseList(Threshold, "--threshold", double.MinValue, double.MaxValue, out _, out error))
            {
                return ValidationResult.Error(error);
            }

            if (ExportDraws is not null && Draws == 0)
            {
                return ValidationResult.Error("--export-draws needs --draws greater than 0.");
            }

            if (Format is not ("table" or "json"))
            {
                return ValidationResult.Error($"--format '{Format}' is not known: use table or json.");
            }

            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = VariantResolver.Apply(ScenarioResolver.Resolve(settings.File, settings.LoadOptions()), settings.Variant);
        ModelCatalog.TryParse(settings.Model, out var ids, out _);
        var parameters = new ModelParameters(settings.Rounds, settings.Q);
        var models = ModelCatalog.Create(ids, parameters);
        var forecast = ScenarioForecaster.Run(scenario, models, ModelCatalog.CreateScenarioModels(ids, parameters));
        MonteCarloForecast? mc = null;
        if (settings.Draws > 0 && models.Count > 0)
        {
            var options = new MonteCarloOptions
            {
                Draws = settings.Draws,
                Seed = settings.Seed,
                Distribution = settings.Distribution,
                MaxDegreeOfParallelism = settings.Threads,
                Quantiles = settings.QuantileList,
                Thresholds = settings.ThresholdList,
            };
            mc = ProgressRunner.Run(io, settings.Format == "table", "Simulating", (p, ct) => new MonteCarloEngine(options).Run(scenario, models, p, ct), cancellationToken);
        }

        if (settings.ExportDraws is not null && mc is not null)
        {
            DrawsCsvWriter.Write(settings.ExportDraws, mc);
        }

        if (settings.Format == "json")
        {
            io.Out.Write(ForecastJsonWriter.Write(forecast, mc is null ? null : DistributionJson.Extension(mc, settings.Distribution)));
        }
        else
        {
            ForecastTableRenderer.Render(io.Console, forecast, mc);
        }

        return 0;
    }
}
