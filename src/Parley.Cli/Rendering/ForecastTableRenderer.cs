using Parley.Core.Forecasting;
using Parley.Core.Models;
using Spectre.Console;

namespace Parley.Cli.Rendering;

/// <summary>Renders a <see cref="ScenarioForecast"/> as one table per issue, showing every model side by side.</summary>
internal static class ForecastTableRenderer
{
    public static void Render(IAnsiConsole console, ScenarioForecast forecast)
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
            RenderIssue(console, issue);
        }

        console.MarkupLine("[grey]Models disagree by design; read them together. Known accuracy: on 351 EU decisions the compromise model's mean error was 23 points (0–100), the challenge model's (eum) 27.[/]");
    }

    private static void RenderIssue(IAnsiConsole console, IssueForecasts issue)
    {
        var i = issue.Issue;
        var table = new Table().RoundedBorder().Expand();
        var sq = i.StatusQuo is { } q ? $"   status quo {NumberFormat.OnScale(i, q.Mode)}" : string.Empty;
        table.Title = new TableTitle($"[bold]{Markup.Escape(i.Name)}[/] [grey]({Markup.Escape(i.Id)}, scale {NumberFormat.Plain(i.ScaleLow)}–{NumberFormat.Plain(i.ScaleHigh)}{sq})[/]");
        table.AddColumn("Model");
        table.AddColumn(new TableColumn("Forecast").RightAligned());
        table.AddColumn("Where it lands");
        table.AddColumn("Path");
        foreach (var f in issue.Forecasts)
        {
            table.AddRow(
                new Markup($"[bold]{Markup.Escape(f.Model)}[/]\n[grey]{Markup.Escape(ModelNotes.Accuracy(f.Model))}[/]"),
                new Markup($"[bold]{NumberFormat.OnScale(i, f.Value)}[/]"),
                new Markup(Markup.Escape(i.PlaceAmongAnchors(f.Value))),
                new Markup(Markup.Escape(DescribePath(issue, f))));
        }

        console.Write(table);
        if (issue.Forecasts.Count > 1)
        {
            var lo = issue.Forecasts.Min(f => f.Value);
            var hi = issue.Forecasts.Max(f => f.Value);
            console.MarkupLine($"  [grey]spread between models:[/] {NumberFormat.OnScale(i, hi - lo)} [grey]({NumberFormat.OnScale(i, lo)} to {NumberFormat.OnScale(i, hi)})[/]");
        }

        console.WriteLine();
    }

    private static string DescribePath(IssueForecasts issue, IssueForecast f)
    {
        if (f.Rounds.Count <= 1)
        {
            return f.Note ?? "one-shot";
        }

        var i = issue.Issue;
        var later = f.Rounds.Skip(1).Select(r => r.Median).ToList();
        var moves = f.Rounds.Sum(r => r.Moves.Count);
        var text = $"{f.Rounds.Count - 1} rounds, median {NumberFormat.OnScale(i, f.Rounds[0].Median)} → {NumberFormat.OnScale(i, f.Value)}; ranged {NumberFormat.OnScale(i, later.Min())}–{NumberFormat.OnScale(i, later.Max())}; {moves} moves";
        return f.Note is null ? text : $"{text}. {f.Note}";
    }
}
