using System.ComponentModel;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Cli.Rendering;
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

        [CommandOption("--db <PATH>")]
        [Description("Run store database (default: $PARLEY_DB, else ~/.local/share/parley/parley.db).")]
        public string? Db { get; init; }

        [CommandOption("--no-store")]
        [Description("Do not save this run in the run store.")]
        public bool NoStore { get; init; }

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
        var (baseline, source) = ScenarioResolver.ResolveWithSource(settings.File, settings.LoadOptions());
        var request = new ForecastRequest
        {
            Variant = settings.Variant,
            Models = settings.Model ?? "all",
            Rounds = settings.Rounds,
            Q = settings.Q,
            Draws = settings.Draws,
            Seed = settings.Seed,
            Dist = settings.Dist,
            Quantiles = settings.QuantileList,
            Thresholds = settings.ThresholdList,
            Scale = settings.ParsedScale is { } sc ? [sc.Low, sc.High] : null,
            SourceName = source.Name,
        };
        var outcome = ProgressRunner.Run(io, settings.Format == "table", "Simulating", (p, ct) => ForecastRunner.Run(baseline, request, settings.Threads, p, ct), cancellationToken);
        if (settings.ExportDraws is not null && outcome.Simulation is not null)
        {
            DrawsCsvWriter.Write(settings.ExportDraws, outcome.Simulation);
        }

        if (settings.Format == "json")
        {
            io.Out.Write(outcome.Json);
        }
        else
        {
            ForecastTableRenderer.Render(io.Console, outcome.Forecast, outcome.Simulation);
        }

        if (!settings.NoStore)
        {
            var models = outcome.Forecast.Issues.FirstOrDefault()?.Forecasts.Select(f => f.Model).ToList() ?? [];
            var id = RunRecorder.TryRecord(io, settings.Db, source, baseline, "parley " + string.Join(' ', context.Arguments), models, request, outcome.Json);
            if (id is not null && settings.Format == "table")
            {
                io.Console.MarkupLine($"[grey]Stored as run {id[..8]} (parley runs show {id[..8]}; parley runs rerun {id[..8]}).[/]");
            }
        }

        return 0;
    }
}
