using Parley.Core.Analysis.Advice;
using Parley.Core.Scenarios;
using Parley.Core.Models;
using Parley.Core.Analysis.Roadmaps;
using Parley.Core.Analysis.Claims;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using Parley.Cli.Infrastructure;
using Parley.Core.Uncertainty;
using Parley.Reports;
using Parley.Reports.Html;
using Parley.Reports.Png;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley report [FILE]</c>: one self-contained HTML report (inline SVG and CSS, opens offline) with, per issue,
/// the actor map, forecasts with 80% intervals, eum trajectory, Monte Carlo histogram, tornado, variant comparison and
/// evidence; optionally every chart as a PNG too.
/// </summary>
internal sealed class ReportCommand(CliIo io) : Command<ReportCommand.Settings>
{
    /// <summary>Draws run when --draws is not given: stable p10/p90 and a Korea report in a few seconds.</summary>
    public const int DefaultDraws = 2000;

    internal sealed class Settings : UncertaintySettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("compromise, median, eum or all (comma-separated for several). Default: all.")]
        public string? Model { get; init; }

        [CommandOption("--variant <ID>")]
        [Description("Report on a named variant instead of the baseline (see 'parley show').")]
        public string? Variant { get; init; }

        [CommandOption("--variants <LIST>")]
        [Description("Variants to compare with the baseline, comma-separated, all (default) or none.")]
        public string Variants { get; init; } = "all";

        [CommandOption("--rounds <N>")]
        [Description("Rounds of the eum model (default 10).")]
        public int? Rounds { get; init; }

        [CommandOption("-q|--status-quo-q <Q>")]
        [Description("eum: probability Q in [0,1] that the status quo holds when nobody challenges (default 1).")]
        public double? Q { get; init; }

        [CommandOption("--draws <N>")]
        [Description("Monte Carlo draws for the intervals, histograms and variant comparisons (default 2000).")]
        public int Draws { get; init; } = DefaultDraws;

        [CommandOption("-o|--output <FILE>")]
        [Description("The HTML file to write (default report.html; --output=- for standard output).")]
        public string Output { get; init; } = "report.html";

        [CommandOption("--png <DIR>")]
        [Description("Also write every chart as a PNG into DIR (for slides).")]
        public string? Png { get; init; }

        [CommandOption("--date <TEXT>")]
        [Description("Generation date to print in the header. Default: none (the scenario's own date is always shown), so reruns are byte-identical.")]
        public string? Date { get; init; }

        [CommandOption("--no-analysis")]
        [Description("Leave out the claims and roadmap sections.")]
        public bool NoAnalysis { get; init; }

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            if (!b.Successful)
            {
                return b;
            }

            if (!ModelCatalog.TryParse(Model, out _, out var error))
            {
                return ValidationResult.Error(error);
            }

            if (Rounds is { } r && (r < 1 || r > 10_000))
            {
                return ValidationResult.Error($"--rounds {r.ToString(CultureInfo.InvariantCulture)} is out of range: give a whole number from 1 to 10000.");
            }

            if (Q is { } q && !(q >= 0 && q <= 1))
            {
                return ValidationResult.Error($"--q {q.ToString(CultureInfo.InvariantCulture)} is out of range: give a probability from 0 to 1.");
            }

            if (Draws is < 1 or > 10_000_000)
            {
                return ValidationResult.Error($"--draws {Draws.ToString(CultureInfo.InvariantCulture)} is out of range: give 1 to 10000000.");
            }

            return string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("-o|--output needs a file name (or --output=- for standard output).") : ValidationResult.Success();
        }
    }

    /// <summary>
    /// Adds the analysis part: the scenario's predictions judged under each model (as <c>parley check</c>), and, where a
    /// step library ships with the scenario, the roadmap for the actor its recommendations advise (as <c>parley roadmap</c>).
    /// </summary>
    private static ReportInput WithAnalysis(ReportInput input, Scenario baseline, IReadOnlyList<IIssueModel> models, MonteCarloOptions options, bool skip)
    {
        if (skip)
        {
            return input;
        }

        var claims = baseline.Predictions.Count == 0 ? [] : ClaimChecker.CheckAll(new SimulatedClaimEvidence(baseline, models, options));
        (RoadmapResult, IReadOnlyDictionary<string, string>)? roadmap = null;
        var library = RoadmapCommand.EmbeddedLibrary(baseline);
        var beneficiary = baseline.Recommendations.Select(r => r.By).FirstOrDefault();
        if (library is not null && beneficiary is not null)
        {
            var result = RoadmapCommand.Plan(baseline, library, beneficiary, RoadmapProblem.DefaultVetoPlayers(library, library.Allies));
            roadmap = (result, library.Steps.ToDictionary(st => st.Id, st => st.Name));
        }

        (string, IReadOnlyList<RecommendationScore>, LeverSearchResult)? advice = null;
        if (beneficiary is not null && baseline.FindActor(beneficiary) is not null)
        {
            // Advice re-simulates every candidate lever: cap its draws so that the report stays quick.
            var adviceOptions = new AdviceOptions { Simulation = options with { Draws = Math.Min(options.Draws, 1000) } };
            advice = (beneficiary, RecommendationScorer.Score(baseline, beneficiary, models, adviceOptions), LeverSearch.Search(baseline, beneficiary, models, adviceOptions));
        }

        return input with { Claims = claims, Roadmap = roadmap, Advice = advice };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var baseline = ScenarioResolver.Resolve(settings.File, settings.LoadOptions());
        VariantResolver.Apply(baseline, settings.Variant);
        var variants = SelectVariants(baseline, settings.Variants);
        ModelCatalog.TryParse(settings.Model, out var ids, out _);
        var models = ModelCatalog.Create(ids, new ModelParameters(settings.Rounds, settings.Q));
        var options = new MonteCarloOptions { Draws = settings.Draws, Seed = settings.Seed, Distribution = settings.Distribution, MaxDegreeOfParallelism = settings.Threads };
        var version = typeof(ReportCommand).Assembly.GetName().Version?.ToString(3);
        var input = ProgressRunner.Run(io, settings.Output != "-", "Analysing", (_, ct) =>
            WithAnalysis(
                ReportBuilder.Build(baseline, settings.Variant == "baseline" ? null : settings.Variant, variants, models, options, settings.Date, version, ct),
                baseline,
                models,
                options,
                settings.NoAnalysis),
            cancellationToken);
        var html = HtmlReport.Render(input);
        if (settings.Output == "-")
        {
            io.Out.Write(html);
        }
        else
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(settings.Output));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            File.WriteAllText(settings.Output, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            io.Console.MarkupLine($"Wrote [bold]{Markup.Escape(settings.Output)}[/] ({input.Forecast.Issues.Count} issues, {input.ModelIds.Count} models, {settings.Draws.ToString("N0", CultureInfo.InvariantCulture)} draws, seed {settings.Seed.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (settings.Png is not null)
        {
            var files = PngExporter.Write(input, settings.Png);
            var target = settings.Output == "-" ? io.Error : null;
            var message = $"Wrote {files.Count} PNG charts to {settings.Png}.";
            if (target is not null)
            {
                target.WriteLine(message);
            }
            else
            {
                io.Console.MarkupLine(Markup.Escape(message));
            }
        }

        return 0;
    }

    private static IReadOnlyList<string> SelectVariants(Core.Scenarios.Scenario scenario, string spec)
    {
        if (spec == "none")
        {
            return [];
        }

        if (spec == "all")
        {
            return ReportBuilder.ComparableVariants(scenario);
        }

        var chosen = spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var unknown = chosen.Where(id => scenario.FindVariant(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new UserInputException($"--variants: unknown variant{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Known variants: {string.Join(", ", scenario.Variants.Select(v => v.Id))}.");
        }

        return chosen;
    }
}
