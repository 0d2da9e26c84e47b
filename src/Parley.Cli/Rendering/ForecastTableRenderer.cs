using Parley.Core.Forecasting;
using Parley.Core.Models;
using Parley.Core.Uncertainty;
using Spectre.Console;

namespace Parley.Cli.Rendering;

/// <summary>Renders a <see cref="ScenarioForecast"/> as one table per issue, showing every model side by side.</summary>
internal static class ForecastTableRenderer
{
    public static void Render(IAnsiConsole console, ScenarioForecast forecast, MonteCarloForecast? mc = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(forecast);
        var s = forecast.Scenario;
        console.Write(new Rule($"[bold]{Markup.Escape(s.Name)}[/]").LeftJustified());
        var variant = forecast.Variant is null ? "baseline" : forecast.Variant;
        console.MarkupLine($"[grey]scenario[/] {Markup.Escape(s.Id)}   [grey]variant[/] {Markup.Escape(variant)}   [grey]issues[/] {forecast.Issues.Count}   [grey]actors[/] {s.Actors.Count}");
        console.WriteLine();

        foreach (var issue in forecast.Issues)
        {
            RenderIssue(console, issue, mc);
        }

        var notes = forecast.Issues.SelectMany(x => x.Forecasts).Where(f => f.Note is not null)
            .SelectMany(f => LaterSentences(f.Note!).Select(n => $"{f.Model}: {n}")).Distinct().ToList();
        foreach (var note in notes)
        {
            console.MarkupLine($"[grey]note[/] {Markup.Escape(note)}");
        }

        if (mc is not null)
        {
            var o = mc.Options;
            console.MarkupLine($"[grey]Spread: {o.Draws:N0} Monte Carlo draws ({(o.Distribution == SamplingDistribution.Pert ? "PERT" : "triangular")} over each low / most-likely / high), seed {o.Seed}. p10–p90 is the range holding the middle 80% of simulated outcomes; the shape column is their histogram over the scale.[/]");
        }

        console.MarkupLine("[grey]Models disagree by design; read them together. Known accuracy: on 351 EU decisions the compromise model's mean error was 23 points (0–100), the challenge model's (eum) 27.[/]");
    }

    private static void RenderIssue(IAnsiConsole console, IssueForecasts issue, MonteCarloForecast? mc)
    {
        var i = issue.Issue;
        var table = new Table().RoundedBorder().Expand();
        var sq = i.StatusQuo is { } q ? $"   status quo {NumberFormat.OnScale(i, q.Mode)}" : string.Empty;
        table.Title = new TableTitle($"[bold]{Markup.Escape(i.Name)}[/] [grey]({Markup.Escape(i.Id)}, scale {NumberFormat.Plain(i.ScaleLow)}–{NumberFormat.Plain(i.ScaleHigh)}{sq})[/]");
        table.AddColumn("Model");
        table.AddColumn(new TableColumn("Forecast").RightAligned().NoWrap());
        if (mc is not null)
        {
            table.AddColumn(new TableColumn("p10–p90").RightAligned().NoWrap());
            table.AddColumn(new TableColumn("Shape").NoWrap());
        }

        table.AddColumn("Where it lands");
        foreach (var f in issue.Forecasts)
        {
            var cells = new List<Markup>
            {
                new($"[bold]{Markup.Escape(f.Model)}[/]"),
                new($"[bold]{NumberFormat.OnScale(i, f.Value)}[/]"),
            };
            if (mc is not null)
            {
                var d = mc.Find(i.Id, f.Model)?.Distribution;
                cells.Add(new Markup(d is null ? "[grey]runs once[/]" : $"{NumberFormat.OnScale(i, d.P10)}–{NumberFormat.OnScale(i, d.P90)}\n[grey]mean {NumberFormat.OnScale(i, d.Mean)}[/]{Thresholds(i, d)}"));
                cells.Add(new Markup(d is null ? string.Empty : $"[blue]{Sparkline.Of(d.Histogram.Counts)}[/]"));
            }

            cells.Add(new Markup(Markup.Escape(i.PlaceAmongAnchors(f.Value))));
            table.AddRow(cells);
        }

        console.Write(table);
        foreach (var f in issue.Forecasts.Where(f => f.Rounds.Count > 1 || f.Note is not null))
        {
            console.MarkupLine($"  [grey]{Markup.Escape(f.Model)} path:[/] {Markup.Escape(DescribePath(issue, f))}");
        }

        if (issue.Forecasts.Count > 1)
        {
            var lo = issue.Forecasts.Min(f => f.Value);
            var hi = issue.Forecasts.Max(f => f.Value);
            console.MarkupLine($"  [grey]spread between models:[/] {NumberFormat.OnScale(i, hi - lo)} [grey]({NumberFormat.OnScale(i, lo)} to {NumberFormat.OnScale(i, hi)})[/]");
        }

        console.WriteLine();
    }

    private static string Thresholds(Parley.Core.Scenarios.Issue i, OutcomeDistribution d) =>
        string.Concat(d.Thresholds.Select(t => $"\n[grey]P(≥ {NumberFormat.OnScale(i, t.Threshold)}) = {t.AtLeast:0.00}[/]"));

    private static string DescribePath(IssueForecasts issue, IssueForecast f)
    {
        if (f.Rounds.Count <= 1)
        {
            return f.Note ?? "one-shot";
        }

        var i = issue.Issue;
        var later = f.Rounds.Skip(1).Select(r => r.Median).ToList();
        var moves = f.Rounds.Sum(r => r.Moves.Count);
        var text = $"{f.Rounds.Count - 1} rounds, median {NumberFormat.OnScale(i, f.Rounds[0].Median)} → {NumberFormat.OnScale(i, f.Rounds[^1].Median)} (ranged {NumberFormat.OnScale(i, later.Min())}–{NumberFormat.OnScale(i, later.Max())}), forecast {NumberFormat.OnScale(i, f.Value)}";
        if (moves > 0)
        {
            text += $"; {moves} moves";
        }

        return f.Note is null ? text : $"{text}. {FirstSentence(f.Note)}";
    }

    /// <summary>The first sentence of a model's note; the rest (e.g. input adjustments) is listed once under the tables.</summary>
    internal static string FirstSentence(string note)
    {
        var cut = note.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? note : note[..(cut + 1)];
    }

    private static IEnumerable<string> LaterSentences(string note)
    {
        var cut = note.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? [] : note[(cut + 2)..].Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(x => x.TrimEnd('.') + ".");
    }
}
