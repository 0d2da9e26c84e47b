using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Cli.Infrastructure;
using Parley.Cli.Rendering;
using Parley.Core.Analysis.Advice;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley advise [FILE] --actor ID</c>: scores the scenario's recommendations for the actor and searches for its
/// best levers, with 80% intervals from paired draws, per model.
/// </summary>
internal sealed class AdviseCommand(CliIo io) : Command<AdviseCommand.Settings>
{
    internal sealed class Settings : ModelSelectionSettings
    {
        [CommandOption("--actor <ID>")]
        [Description("The actor to advise (required).")]
        public string? Actor { get; init; }

        [CommandOption("--issues <LIST>")]
        [Description("Issues whose forecasts count toward the gain, comma-separated. Default: every issue the actor takes part in.")]
        public string? Issues { get; init; }

        [CommandOption("--budget <B>")]
        [Description("Largest total cost of a lever (cost = shift / range × (0.5 + salience / 100)). Default: no cap.")]
        public double? Budget { get; init; }

        [CommandOption("--draws <N>")]
        [Description("Paired Monte Carlo draws per candidate (default 2000).")]
        public int Draws { get; init; } = 2000;

        [CommandOption("--top <K>")]
        [Description("Levers to show (default 10).")]
        public int Top { get; init; } = 10;

        [CommandOption("--variant <ID>")]
        [Description("Search levers in this variant instead of the baseline (recommendations use their own evaluateIn).")]
        public string? Variant { get; init; }

        public IReadOnlyList<string>? IssueList => string.IsNullOrWhiteSpace(Issues)
            ? null
            : Issues.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            if (!b.Successful)
            {
                return b;
            }

            if (string.IsNullOrWhiteSpace(Actor))
            {
                return ValidationResult.Error("--actor is required: give the id of the actor to advise, e.g. --actor japan.");
            }

            if (Draws is < 1 or > 1_000_000)
            {
                return ValidationResult.Error($"--draws {Draws.ToString(CultureInfo.InvariantCulture)} is out of range: give 1 to 1000000.");
            }

            if (Top is < 1 or > 1000)
            {
                return ValidationResult.Error($"--top {Top.ToString(CultureInfo.InvariantCulture)} is out of range: give 1 to 1000.");
            }

            if (Budget is { } budget && !(budget > 0 && double.IsFinite(budget)))
            {
                return ValidationResult.Error($"--budget {budget.ToString(CultureInfo.InvariantCulture)} is out of range: give a number > 0.");
            }

            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var loaded = ScenarioResolver.Resolve(settings.File, settings.LoadOptions());
        var scenario = VariantResolver.Apply(loaded, settings.Variant);
        var actor = settings.Actor!;
        if (loaded.FindActor(actor) is null)
        {
            throw new UserInputException($"--actor '{actor}' is not an actor of scenario '{loaded.Id}'. Known actors: {string.Join(", ", loaded.Actors.Select(a => a.Id))}.");
        }

        var issues = settings.IssueList;
        foreach (var id in issues ?? [])
        {
            if (loaded.FindIssue(id) is null)
            {
                throw new UserInputException($"--issues: '{id}' is not an issue of scenario '{loaded.Id}'. Known issues: {string.Join(", ", loaded.Issues.Select(i => i.Id))}.");
            }

            if (scenario.FindValue(actor, id) is null)
            {
                throw new UserInputException($"--issues: actor '{actor}' takes no part in issue '{id}', so there is no position to advise toward.");
            }
        }

        var models = ModelCatalog.Create(settings.ModelIds, settings.Parameters);
        var options = new AdviceOptions
        {
            IssueIds = issues,
            Budget = settings.Budget,
            Simulation = new MonteCarloOptions { Draws = settings.Draws, Seed = settings.Seed, Distribution = settings.Distribution, MaxDegreeOfParallelism = settings.Threads },
        };
        var (recommendations, levers) = ProgressRunner.Run(
            io,
            settings.Format == "table",
            "Searching levers",
            (p, ct) =>
            {
                var recs = RecommendationScorer.Score(loaded, actor, models, options, new Scaled(p, 0, 0.2), ct);
                var found = LeverSearch.Search(scenario, actor, models, options, new Scaled(p, 0.2, 0.8), ct);
                return (recs, found);
            },
            cancellationToken);
        if (settings.Format == "json")
        {
            io.Out.Write(ToJson(scenario, actor, settings, recommendations, levers));
        }
        else
        {
            Render(scenario, actor, settings.Top, recommendations, levers);
        }

        return 0;
    }

    private void Render(Scenario scenario, string actor, int top, IReadOnlyList<RecommendationScore> recommendations, LeverSearchResult levers)
    {
        var c = io.Console;
        var name = scenario.FindActor(actor)!.Name;
        var o = levers.Options.Simulation;
        c.Write(new Rule($"[bold]Advice for {Markup.Escape(name)}[/] in {Markup.Escape(scenario.Name)}").LeftJustified());
        c.MarkupLine($"[grey]{o.Draws:N0} paired draws per candidate, seed {o.Seed}; models: {Markup.Escape(string.Join(", ", levers.ModelIds))}. Issues counted: {Markup.Escape(string.Join(", ", levers.IssueIds))}.[/]");
        c.MarkupLine($"[grey]Gain = {Markup.Escape(actor)}-salience-weighted move of the forecasts toward {Markup.Escape(actor)}'s most-likely positions, in % of each scale (+ = closer). [[a, b]] = 80% interval (p10 to p90 of the paired draws).[/]");
        c.WriteLine();
        RenderRecommendations(scenario, actor, recommendations);
        RenderLevers(levers, top);
    }

    private void RenderRecommendations(Scenario scenario, string actor, IReadOnlyList<RecommendationScore> recommendations)
    {
        var c = io.Console;
        if (recommendations.Count == 0)
        {
            c.MarkupLine("[grey]The scenario has no recommendations to score.[/]");
            c.WriteLine();
            return;
        }

        c.Write(new Rule("[bold]The scenario's recommendations[/]").LeftJustified());
        foreach (var r in recommendations)
        {
            var rec = r.Recommendation;
            var table = new Table().RoundedBorder().Expand();
            table.Title = new TableTitle($"[bold]{rec.Number}. {Markup.Escape(rec.Id)}[/] [grey](by {Markup.Escape(rec.By)}{(rec.Target is null ? string.Empty : " → " + Markup.Escape(rec.Target))}, evaluated in {Markup.Escape(r.EvaluatedIn)})[/]");
            table.AddColumn("Issue");
            table.AddColumn("Model");
            table.AddColumn(new TableColumn("Baseline").RightAligned());
            table.AddColumn(new TableColumn("Δ forecast").RightAligned());
            table.AddColumn(new TableColumn($"Toward {Markup.Escape(actor)}").RightAligned());
            foreach (var e in r.Effects.Where(e => e.Touched))
            {
                var issue = scenario.FindIssue(e.IssueId)!;
                var color = e.Toward is null ? "default" : e.Toward.P10 > 0 ? "green" : e.Toward.P90 < 0 ? "red" : "default";
                table.AddRow(
                    Markup.Escape(e.IssueId),
                    Markup.Escape(e.ModelId),
                    NumberFormat.OnScale(issue, e.BaselineMean),
                    Interval(issue, e.Change),
                    e.Toward is null ? "–" : $"[{color}]{Interval(issue, e.Toward)}[/]");
            }

            c.Write(table);
            var untouched = scenario.Issues.Select(i => i.Id).Where(id => !r.TouchedIssueIds.Contains(id)).ToList();
            if (untouched.Count > 0)
            {
                c.MarkupLine($"  [grey]Unchanged (Δ = 0 exactly, same draws): {Markup.Escape(string.Join(", ", untouched))}.[/]");
            }

            var gains = string.Join("; ", r.Gains.Select(g => $"{g.ModelId} {GainText(g)}"));
            c.MarkupLine($"  Gain for {Markup.Escape(actor)}: {Markup.Escape(gains)}{(r.ModelDependent ? " [yellow]model-dependent[/]" : string.Empty)}");
            if (rec.ExpectedEffect is not null)
            {
                c.MarkupLine($"  [grey]Scenario's expected effect: {Markup.Escape(rec.ExpectedEffect)}[/]");
            }

            c.WriteLine();
        }
    }

    private void RenderLevers(LeverSearchResult levers, int top)
    {
        var c = io.Console;
        c.Write(new Rule($"[bold]Top {Math.Min(top, levers.Ranked.Count)} levers[/] [grey]of {levers.SingleCount} single moves and {levers.PairCount} pairs{(levers.Options.Budget is { } b ? $", budget {b.ToString("0.###", CultureInfo.InvariantCulture)}" : string.Empty)}[/]").LeftJustified());
        var table = new Table().RoundedBorder().Expand();
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("Lever");
        table.AddColumn(new TableColumn("Cost").RightAligned());
        table.AddColumn(new TableColumn("Gain").RightAligned());
        table.AddColumn(new TableColumn("Gain / cost").RightAligned());
        table.AddColumn("Gain by model: mean [[p10, p90]]");
        table.AddColumn("Depends on");
        var rank = 0;
        foreach (var r in levers.Ranked.Take(top))
        {
            rank++;
            var row = new List<string>
            {
                rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(r.Lever.Description),
                r.Lever.Cost.ToString("0.000", CultureInfo.InvariantCulture),
                Signed(r.ExpectedGain),
                r.Score.ToString("0.0", CultureInfo.InvariantCulture),
            };
            row.Add(string.Join("\n", r.Gains.Select(g => Markup.Escape($"{g.ModelId} {GainText(g)}"))));
            row.Add(r.ModelDependent ? "[yellow]model-dependent[/]" : DependsOn(r, levers.ModelIds));
            table.AddRow(row.ToArray());
        }

        c.Write(table);
        c.MarkupLine("[grey]Gain: mean over models of the mean gain (% of scale, weighted by the actor's salience). 'Depends on' lists the models under which the lever helps.[/]");
    }

    private static string DependsOn(LeverResult r, IReadOnlyList<string> modelIds)
    {
        var helps = r.ModelsWithGain;
        if (helps.Count == 0)
        {
            return "[red]helps under no model[/]";
        }

        return helps.Count == modelIds.Count ? "all models" : Markup.Escape(string.Join(", ", helps) + " only");
    }

    private static string GainText(GainEstimate g) =>
        string.Create(CultureInfo.InvariantCulture, $"{Signed(g.Mean)} [{Signed(g.P10)}, {Signed(g.P90)}]");

    private static string Signed(double x) => WithSign(x.ToString("0.00", CultureInfo.InvariantCulture));

    private static string Interval(Issue issue, GainEstimate g) =>
        $"{SignedOnScale(issue, g.Mean)} [[{SignedOnScale(issue, g.P10)}, {SignedOnScale(issue, g.P90)}]]";

    private static string SignedOnScale(Issue issue, double x) => WithSign(NumberFormat.OnScale(issue, x));

    // Signs go on what is shown, so that a value that rounds to zero reads "0.0", never "+0.0" or "-0.0".
    private static string WithSign(string formatted)
    {
        var digits = formatted.TrimStart('-');
        if (digits.All(ch => ch is '0' or '.'))
        {
            return digits;
        }

        return formatted.StartsWith('-') ? formatted : "+" + formatted;
    }

    private static string ToJson(Scenario scenario, string actor, Settings settings, IReadOnlyList<RecommendationScore> recommendations, LeverSearchResult levers)
    {
        return JsonText.Write(w =>
        {
            var o = levers.Options.Simulation;
            w.WriteStartObject();
            w.WriteString("scenario", scenario.Id);
            w.WriteString("actor", actor);
            w.WriteString("variant", scenario.AppliedVariant ?? "baseline");
            w.WriteNumber("draws", o.Draws);
            w.WriteNumber("seed", o.Seed);
            WriteStrings(w, "models", levers.ModelIds);
            WriteStrings(w, "issues", levers.IssueIds);
            if (levers.Options.Budget is { } budget)
            {
                w.WriteNumber("budget", budget);
            }
            else
            {
                w.WriteNull("budget");
            }

            w.WriteStartArray("recommendations");
            foreach (var r in recommendations)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Recommendation.Id);
                w.WriteNumber("number", r.Recommendation.Number);
                w.WriteString("by", r.Recommendation.By);
                w.WriteString("target", r.Recommendation.Target);
                w.WriteString("evaluatedIn", r.EvaluatedIn);
                w.WriteBoolean("modelDependent", r.ModelDependent);
                WriteGains(w, "gains", r.Gains);
                w.WriteStartArray("effects");
                foreach (var e in r.Effects)
                {
                    w.WriteStartObject();
                    w.WriteString("issue", e.IssueId);
                    w.WriteString("model", e.ModelId);
                    w.WriteBoolean("touched", e.Touched);
                    w.WriteNumber("baselineMean", e.BaselineMean);
                    w.WritePropertyName("change");
                    WriteGain(w, e.Change, false);
                    w.WritePropertyName("toward");
                    if (e.Toward is null)
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        WriteGain(w, e.Toward, false);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("singleLevers", levers.SingleCount);
            w.WriteNumber("pairLevers", levers.PairCount);
            w.WriteStartArray("levers");
            var rank = 0;
            foreach (var r in levers.Ranked.Take(settings.Top))
            {
                w.WriteStartObject();
                w.WriteNumber("rank", ++rank);
                w.WriteString("description", r.Lever.Description);
                WriteStrings(w, "targets", r.Lever.Targets);
                WriteStrings(w, "issues", r.Lever.IssueIds);
                w.WriteNumber("cost", r.Lever.Cost);
                w.WriteNumber("expectedGain", r.ExpectedGain);
                w.WriteNumber("gainPerCost", r.Score);
                w.WriteBoolean("modelDependent", r.ModelDependent);
                WriteStrings(w, "modelsWithGain", r.ModelsWithGain);
                WriteGains(w, "gains", r.Gains);
                w.WriteStartArray("moves");
                foreach (var m in r.Lever.Moves)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", m.Kind.ToString());
                    w.WriteString("actor", m.ActorId);
                    w.WriteString("issue", m.IssueId);
                    w.WriteString("field", m.Field == ValueField.Position ? "position" : "salience");
                    w.WriteNumber("from", m.From);
                    w.WriteNumber("shift", m.Shift);
                    w.WriteNumber("cost", m.Cost);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteGains(Utf8JsonWriter w, string name, IReadOnlyList<GainEstimate> gains)
    {
        w.WriteStartArray(name);
        foreach (var g in gains)
        {
            WriteGain(w, g, true);
        }

        w.WriteEndArray();
    }

    private static void WriteGain(Utf8JsonWriter w, GainEstimate g, bool withModel)
    {
        w.WriteStartObject();
        if (withModel)
        {
            w.WriteString("model", g.ModelId);
        }

        w.WriteNumber("mean", g.Mean);
        w.WriteNumber("p10", g.P10);
        w.WriteNumber("p50", g.P50);
        w.WriteNumber("p90", g.P90);
        w.WriteNumber("pPositive", g.ProbabilityPositive);
        w.WriteEndObject();
    }

    private sealed class Scaled(IProgress<double> inner, double offset, double width) : IProgress<double>
    {
        public void Report(double value) => inner.Report(offset + (width * value));
    }
}
