using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Cli.Infrastructure;
using Parley.Cli.Rendering;
using Parley.Core.Models;
using Parley.Core.Numerics.Statistics;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley sensitivity [FILE]</c>: which numbers matter: a one-at-a-time tornado and Sobol indices.</summary>
internal sealed class SensitivityCommand(CliIo io) : Command<SensitivityCommand.Settings>
{
    internal sealed class Settings : ModelSelectionSettings
    {
        [CommandOption("--issue <ID>")]
        [Description("Only this issue (default: every issue).")]
        public string? Issue { get; init; }

        [CommandOption("--variant <ID>")]
        [Description("Analyse a named variant instead of the baseline.")]
        public string? Variant { get; init; }

        [CommandOption("--samples <N>")]
        [Description("Sobol base sample size N (default 2048; cost N × (inputs + 2) model runs).")]
        public int Samples { get; init; } = 2048;

        [CommandOption("--bootstrap <B>")]
        [Description("Bootstrap resamples for the 90% intervals of the Sobol indices (default 200).")]
        public int Bootstrap { get; init; } = 200;

        [CommandOption("--top <K>")]
        [Description("Rows shown per table (default 10).")]
        public int Top { get; init; } = 10;

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            if (!b.Successful)
            {
                return b;
            }

            if (Samples is < 64 or > 1_000_000)
            {
                return ValidationResult.Error($"--samples {Samples.ToString(CultureInfo.InvariantCulture)} is out of range: give 64 to 1000000.");
            }

            if (Bootstrap is < 0 or > 10_000)
            {
                return ValidationResult.Error($"--bootstrap {Bootstrap.ToString(CultureInfo.InvariantCulture)} is out of range: give 0 to 10000.");
            }

            return Top < 1 ? ValidationResult.Error("--top must be at least 1.") : ValidationResult.Success();
        }
    }

    private sealed record Analysis(Issue Issue, IIssueModel Model, TornadoResult Tornado, ScenarioSobolResult Sobol);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = VariantResolver.Apply(ScenarioResolver.Resolve(settings.File, settings.LoadOptions()), settings.Variant);
        var issues = scenario.Issues.Where(i => scenario.ValuesOn(i.Id).Count > 0).ToList();
        if (settings.Issue is not null)
        {
            issues = issues.Where(i => i.Id == settings.Issue).ToList();
            if (issues.Count == 0)
            {
                throw new UserInputException($"--issue '{settings.Issue}' is not an issue of '{scenario.Id}'. Issues: {string.Join(", ", scenario.Issues.Select(i => i.Id))}.");
            }
        }

        var models = ModelCatalog.Create(settings.ModelIds, settings.Parameters);
        var sobolOptions = new SobolOptions { BaseSamples = settings.Samples, Seed = settings.Seed, BootstrapResamples = settings.Bootstrap, MaxDegreeOfParallelism = settings.Threads };
        var results = ProgressRunner.Run(io, settings.Format == "table", "Sensitivity", (progress, ct) =>
        {
            var list = new List<Analysis>();
            var total = issues.Count * models.Count;
            foreach (var issue in issues)
            {
                foreach (var model in models)
                {
                    var tornado = TornadoAnalyzer.Run(scenario, issue.Id, model);
                    var sobol = ScenarioSobolAnalyzer.Run(scenario, issue.Id, model, sobolOptions, settings.Distribution, ct);
                    list.Add(new Analysis(issue, model, tornado, sobol));
                    progress.Report((double)list.Count / total);
                }
            }

            return list;
        }, cancellationToken);

        if (settings.Format == "json")
        {
            io.Out.Write(ToJson(scenario, results, settings));
        }
        else
        {
            Render(scenario, results, settings);
        }

        return 0;
    }

    private void Render(Scenario scenario, IReadOnlyList<Analysis> results, Settings settings)
    {
        var c = io.Console;
        c.Write(new Rule($"[bold]{Markup.Escape(scenario.Name)}[/]: whose numbers matter").LeftJustified());
        c.MarkupLine($"[grey]Tornado: each actor's position, salience and capability moved alone to its low and its high, all else at most likely. Sobol: share of the outcome's variance due to each input alone (first order) and with its interactions (total), N = {settings.Samples}, seed {settings.Seed}, 90% bootstrap intervals.[/]");
        c.WriteLine();
        foreach (var a in results)
        {
            var i = a.Issue;
            c.Write(new Rule($"{Markup.Escape(i.Name)} · [bold]{Markup.Escape(a.Model.Id)}[/] · forecast {NumberFormat.OnScale(i, a.Tornado.Baseline)}").LeftJustified().RuleStyle("grey"));
            var maxSwing = a.Tornado.Bars.Count == 0 ? 0 : a.Tornado.Bars.Max(b => b.Swing);
            var t = new Table().RoundedBorder();
            t.AddColumn("#");
            t.AddColumn("Input");
            t.AddColumn(new TableColumn("Range").RightAligned());
            t.AddColumn(new TableColumn("At low").RightAligned());
            t.AddColumn(new TableColumn("At high").RightAligned());
            t.AddColumn(new TableColumn("Swing").RightAligned());
            t.AddColumn("");
            foreach (var bar in a.Tornado.Bars.Take(settings.Top))
            {
                var width = maxSwing <= 0 ? 0 : (int)Math.Round(20 * bar.Swing / maxSwing);
                t.AddRow(
                    bar.Rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(Label(scenario, bar.ActorId, bar.Field)),
                    Markup.Escape(bar.Range.ToString()),
                    NumberFormat.OnScale(i, bar.OutcomeAtLow),
                    NumberFormat.OnScale(i, bar.OutcomeAtHigh),
                    NumberFormat.OnScale(i, bar.Swing),
                    $"[blue]{new string('█', width)}[/]");
            }

            c.Write(t);
            var s = new Table().RoundedBorder();
            s.AddColumn("Input");
            s.AddColumn(new TableColumn("First order").RightAligned());
            s.AddColumn(new TableColumn("Total effect").RightAligned());
            foreach (var x in a.Sobol.Ranked.Take(settings.Top))
            {
                s.AddRow(
                    Markup.Escape(Label(scenario, x.Input.ActorId, x.Input.Field)),
                    Interval(x.Index.FirstOrder, x.Index.FirstOrderInterval),
                    Interval(x.Index.TotalEffect, x.Index.TotalEffectInterval));
            }

            c.Write(s);
            c.MarkupLine(Markup.Escape(a.Sobol.Summary));
            c.WriteLine();
        }
    }

    private static string Label(Scenario scenario, string actorId, ValueField field) =>
        $"{scenario.FindActor(actorId)?.Name ?? actorId} · {field.ToString().ToLowerInvariant()}";

    private static string Interval(double value, ConfidenceInterval ci) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.00} [grey][[{ci.Low:0.00}, {ci.High:0.00}]][/]");

    private static string ToJson(Scenario scenario, IReadOnlyList<Analysis> results, Settings settings)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario.Id);
            w.WriteNumber("samples", settings.Samples);
            w.WriteNumber("seed", settings.Seed);
            w.WriteStartArray("analyses");
            foreach (var a in results)
            {
                w.WriteStartObject();
                w.WriteString("issue", a.Issue.Id);
                w.WriteString("model", a.Model.Id);
                w.WriteNumber("forecast", a.Tornado.Baseline);
                w.WriteStartArray("tornado");
                foreach (var bar in a.Tornado.Bars)
                {
                    w.WriteStartObject();
                    w.WriteNumber("rank", bar.Rank);
                    w.WriteString("actor", bar.ActorId);
                    w.WriteString("field", bar.Field.ToString().ToLowerInvariant());
                    w.WriteNumber("low", bar.Range.Low);
                    w.WriteNumber("high", bar.Range.High);
                    w.WriteNumber("outcomeAtLow", bar.OutcomeAtLow);
                    w.WriteNumber("outcomeAtHigh", bar.OutcomeAtHigh);
                    w.WriteNumber("swing", bar.Swing);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("sobol");
                foreach (var x in a.Sobol.Ranked)
                {
                    w.WriteStartObject();
                    w.WriteString("actor", x.Input.ActorId);
                    w.WriteString("field", x.Input.Field.ToString().ToLowerInvariant());
                    w.WriteNumber("firstOrder", x.Index.FirstOrder);
                    w.WriteNumber("firstOrderLow", x.Index.FirstOrderInterval.Low);
                    w.WriteNumber("firstOrderHigh", x.Index.FirstOrderInterval.High);
                    w.WriteNumber("totalEffect", x.Index.TotalEffect);
                    w.WriteNumber("totalEffectLow", x.Index.TotalEffectInterval.Low);
                    w.WriteNumber("totalEffectHigh", x.Index.TotalEffectInterval.High);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("summary", a.Sobol.Summary);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
