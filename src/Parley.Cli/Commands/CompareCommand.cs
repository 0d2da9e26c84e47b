using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Cli.Infrastructure;
using Parley.Cli.Rendering;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley compare [FILE]</c>: each variant beside the baseline, with paired-draw differences.</summary>
internal sealed class CompareCommand(CliIo io) : Command<CompareCommand.Settings>
{
    internal sealed class Settings : ModelSelectionSettings
    {
        [CommandOption("--variants <LIST>")]
        [Description("Variant ids, comma-separated, or all (default).")]
        public string Variants { get; init; } = "all";

        [CommandOption("--draws <N>")]
        [Description("Paired Monte Carlo draws (default 10000).")]
        public int Draws { get; init; } = 10_000;

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            if (!b.Successful)
            {
                return b;
            }

            return Draws is < 1 or > 10_000_000
                ? ValidationResult.Error($"--draws {Draws.ToString(CultureInfo.InvariantCulture)} is out of range: give 1 to 10000000.")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioResolver.Resolve(settings.File, settings.LoadOptions());
        var variants = SelectVariants(scenario, settings.Variants);
        var models = ModelCatalog.Create(settings.ModelIds, settings.Parameters);
        var options = new MonteCarloOptions { Draws = settings.Draws, Seed = settings.Seed, Distribution = settings.Distribution, MaxDegreeOfParallelism = settings.Threads };
        var result = ProgressRunner.Run(io, settings.Format == "table", "Comparing variants", (p, ct) => new VariantComparer(options).Compare(scenario, variants, models, p, ct), cancellationToken);
        if (settings.Format == "json")
        {
            io.Out.Write(ToJson(scenario, result));
        }
        else
        {
            Render(scenario, result);
        }

        return 0;
    }

    private static List<string> SelectVariants(Scenario scenario, string spec)
    {
        var all = scenario.Variants.Select(v => v.Id).Where(id => id != "baseline" || scenario.FindVariant(id)!.Deltas.Count > 0).ToList();
        if (spec == "all")
        {
            if (all.Count == 0)
            {
                throw new UserInputException($"Scenario '{scenario.Id}' has no variants to compare.");
            }

            return all;
        }

        var chosen = spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var unknown = chosen.Where(id => scenario.FindVariant(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new UserInputException($"--variants: unknown variant{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Known variants: {string.Join(", ", scenario.Variants.Select(v => v.Id))}.");
        }

        return chosen;
    }

    private void Render(Scenario scenario, ComparisonResult result)
    {
        var c = io.Console;
        var o = result.Baseline.Options;
        c.Write(new Rule($"[bold]{Markup.Escape(scenario.Name)}[/]: variants against the baseline").LeftJustified());
        c.MarkupLine($"[grey]{o.Draws:N0} paired draws (same random numbers for every variant), seed {o.Seed}. Δ = variant − baseline; 80% interval = p10 to p90 of the paired differences.[/]");
        c.WriteLine();
        foreach (var issue in scenario.Issues)
        {
            var table = new Table().RoundedBorder().Expand();
            table.Title = new TableTitle($"[bold]{Markup.Escape(issue.Name)}[/] [grey]({Markup.Escape(issue.Id)})[/]");
            table.AddColumn("Variant");
            table.AddColumn("Model");
            table.AddColumn(new TableColumn("Baseline").RightAligned());
            table.AddColumn(new TableColumn("Variant").RightAligned());
            table.AddColumn(new TableColumn("Δ mean").RightAligned());
            table.AddColumn(new TableColumn("Δ 80% interval").RightAligned());
            table.AddColumn(new TableColumn("P(Δ > 0)").RightAligned());
            var any = false;
            foreach (var v in result.Variants)
            {
                var first = true;
                foreach (var d in v.Differences.Where(d => d.IssueId == issue.Id))
                {
                    any = true;
                    var name = first ? Markup.Escape(scenario.FindVariant(v.VariantId)?.Name ?? v.VariantId) : string.Empty;
                    first = false;
                    var color = d.P10 > 0 ? "green" : d.P90 < 0 ? "red" : "default";
                    table.AddRow(
                        name,
                        Markup.Escape(d.ModelId),
                        NumberFormat.OnScale(issue, d.BaselineDeterministic),
                        NumberFormat.OnScale(issue, d.VariantDeterministic),
                        $"[{color}]{Signed(issue, d.Mean)}[/]",
                        $"[{color}]{Signed(issue, d.P10)} to {Signed(issue, d.P90)}[/]",
                        d.ProbabilityPositive.ToString("0.00", CultureInfo.InvariantCulture));
                }
            }

            if (any)
            {
                c.Write(table);
                c.WriteLine();
            }
        }
    }

    private static string Signed(Issue issue, double x) => (x > 0 ? "+" : string.Empty) + NumberFormat.OnScale(issue, x);

    private static string ToJson(Scenario scenario, ComparisonResult result)
    {
        return JsonText.Write(w =>
        {
            var o = result.Baseline.Options;
            w.WriteStartObject();
            w.WriteString("scenario", scenario.Id);
            w.WriteNumber("draws", o.Draws);
            w.WriteNumber("seed", o.Seed);
            w.WriteStartArray("variants");
            foreach (var v in result.Variants)
            {
                w.WriteStartObject();
                w.WriteString("id", v.VariantId);
                w.WriteStartArray("differences");
                foreach (var d in v.Differences)
                {
                    w.WriteStartObject();
                    w.WriteString("issue", d.IssueId);
                    w.WriteString("model", d.ModelId);
                    w.WriteNumber("baseline", d.BaselineDeterministic);
                    w.WriteNumber("variant", d.VariantDeterministic);
                    w.WriteNumber("mean", d.Mean);
                    w.WriteNumber("std", d.StandardDeviation);
                    w.WriteNumber("p10", d.P10);
                    w.WriteNumber("p50", d.P50);
                    w.WriteNumber("p90", d.P90);
                    w.WriteNumber("pPositive", d.ProbabilityPositive);
                    w.WriteNumber("pNegative", d.ProbabilityNegative);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
