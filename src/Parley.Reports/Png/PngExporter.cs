using Parley.Core.Forecasting;
using Parley.Core.Scenarios;
using Parley.Reports.Charts;
using ScottPlot;
using Palette = Parley.Reports.Charts.Palette;

namespace Parley.Reports.Png;

/// <summary>
/// Writes each chart of a report as a PNG (ScottPlot on SkiaSharp) for slides: <c>{issue}-{kind}.png</c>, one file per
/// issue and chart kind, 1200 × 700 px. The PNGs carry the same data as the HTML charts in a plainer form.
/// </summary>
public static class PngExporter
{
    /// <summary>Pixel width of every PNG.</summary>
    public const int Width = 1200;

    /// <summary>Pixel height of every PNG.</summary>
    public const int Height = 700;

    /// <summary>The chart kinds written as PNG, in order (the evidence table is not a chart).</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [ChartIds.ActorMap, ChartIds.Forecast, ChartIds.Trajectory, ChartIds.Histogram, ChartIds.Tornado, ChartIds.Variants];

    /// <summary>The file name of chart <paramref name="kind"/> of <paramref name="issueId"/>.</summary>
    public static string FileName(string issueId, string kind) => $"{issueId}-{kind}.png";

    /// <summary>Writes the PNGs into <paramref name="directory"/> (created if missing) and returns their paths, in issue then <see cref="Kinds"/> order.</summary>
    /// <remarks>Charts with nothing to show (no eum trajectory, no variants) are skipped.</remarks>
    public static IReadOnlyList<string> Write(ReportInput input, string directory)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var issue in input.Forecast.Issues)
        {
            foreach (var kind in Kinds)
            {
                using var plot = Build(input, issue, kind);
                if (plot is null)
                {
                    continue;
                }

                var path = Path.Combine(directory, FileName(issue.Issue.Id, kind));
                plot.SavePng(path, Width, Height);
                written.Add(path);
            }
        }

        return written;
    }

    private static Plot? Build(ReportInput input, IssueForecasts issue, string kind) => kind switch
    {
        ChartIds.ActorMap => ActorMap(input.Scenario, issue.Issue),
        ChartIds.Forecast => Forecast(input, issue),
        ChartIds.Trajectory => Trajectory(input.Scenario, issue),
        ChartIds.Histogram => Histogram(input, issue.Issue),
        ChartIds.Tornado => Tornado(input, issue.Issue),
        ChartIds.Variants => Variants(input, issue.Issue),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown chart kind."),
    };

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.FigureBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex(Palette.Grid);
        return plot;
    }

    private static void ScaleTicks(Plot plot, Issue issue)
    {
        if (issue.Anchors.Count > 0)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                issue.Anchors.Select(a => a.Value).ToArray(),
                issue.Anchors.Select(a => $"{a.Value:0.##}\n{Html.Markup.Truncate(Issue.ShortLabel(a.Label), 26)}").ToArray());
        }
    }

    private static Plot ActorMap(Scenario scenario, Issue issue)
    {
        var plot = NewPlot($"{issue.Name}: actors (bubble area = capability × salience)");
        var values = scenario.ValuesOn(issue.Id).OrderBy(v => v.Position.Mode).ThenBy(v => v.ActorId, StringComparer.Ordinal).ToList();
        var max = values.Count == 0 ? 0 : values.Max(v => v.Capability.Mode * v.Salience.Mode);
        for (var k = 0; k < values.Count; k++)
        {
            var v = values[k];
            if (!v.Position.IsPoint)
            {
                var range = plot.Add.Line(v.Position.Low, k, v.Position.High, k);
                range.LineColor = Color.FromHex(Palette.Actor);
                range.LineWidth = 1.5f;
            }

            var size = max > 0 ? (float)Math.Max(6, 42 * Math.Sqrt(v.Capability.Mode * v.Salience.Mode / max)) : 6f;
            plot.Add.Marker(v.Position.Mode, k, MarkerShape.FilledCircle, size, Color.FromHex(Palette.Model("compromise")).WithAlpha(0.6));
        }

        if (issue.StatusQuo is { } sq)
        {
            var line = plot.Add.VerticalLine(sq.Mode, 1.5f, Color.FromHex(Palette.StatusQuo), LinePattern.Dashed);
            line.Text = "status quo";
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, values.Count).Select(k => (double)k).ToArray(),
            values.Select(v => Html.Markup.Truncate(scenario.FindActor(v.ActorId)?.Name ?? v.ActorId, 30)).ToArray());
        ScaleTicks(plot, issue);
        plot.Axes.SetLimits(issue.ScaleLow - (0.03 * (issue.ScaleHigh - issue.ScaleLow)), issue.ScaleHigh + (0.03 * (issue.ScaleHigh - issue.ScaleLow)), -0.8, values.Count - 0.2);
        return plot;
    }

    private static Plot Forecast(ReportInput input, IssueForecasts issue)
    {
        var i = issue.Issue;
        var plot = NewPlot($"{i.Name}: forecasts and 80% intervals");
        for (var k = 0; k < issue.Forecasts.Count; k++)
        {
            var f = issue.Forecasts[k];
            var color = Color.FromHex(Palette.Model(f.Model));
            if (input.MonteCarlo.Find(i.Id, f.Model)?.Distribution is { } d)
            {
                var bar = plot.Add.Line(d.P10, k, d.P90, k);
                bar.LineColor = color.WithAlpha(0.35);
                bar.LineWidth = 14;
                var tick = plot.Add.Line(d.P50, k - 0.15, d.P50, k + 0.15);
                tick.LineColor = Colors.Black;
                tick.LineWidth = 2;
            }

            plot.Add.Marker(f.Value, k, MarkerShape.FilledCircle, 14, color);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, issue.Forecasts.Count).Select(k => (double)k).ToArray(), issue.Forecasts.Select(f => f.Model).ToArray());
        ScaleTicks(plot, i);
        plot.Axes.SetLimits(i.ScaleLow, i.ScaleHigh, -0.7, issue.Forecasts.Count - 0.3);
        return plot;
    }

    private static Plot? Trajectory(Scenario scenario, IssueForecasts issue)
    {
        var eum = issue.Forecasts.FirstOrDefault(f => f.Rounds.Count > 1);
        if (eum is null)
        {
            return null;
        }

        var i = issue.Issue;
        var plot = NewPlot($"{i.Name}: {eum.Model} positions by round");
        var xs = eum.Rounds.Select(r => (double)r.Round).ToArray();
        for (var a = 0; a < issue.Input.ActorIds.Count; a++)
        {
            var line = plot.Add.ScatterLine(xs, eum.Rounds.Select(r => r.Positions[a]).ToArray(), Color.FromHex("#a0aec0"));
            line.LineWidth = 1.5f;
            line.LegendText = scenario.FindActor(issue.Input.ActorIds[a])?.Name ?? issue.Input.ActorIds[a];
        }

        var median = plot.Add.ScatterLine(xs, eum.Rounds.Select(r => r.Median).ToArray(), Color.FromHex(Palette.Model(eum.Model)));
        median.LineWidth = 4;
        median.LegendText = "weighted median";
        plot.XLabel("Round");
        plot.Axes.SetLimitsY(i.ScaleLow, i.ScaleHigh);
        return plot;
    }

    private static Plot Histogram(ReportInput input, Issue issue)
    {
        var plot = NewPlot($"{issue.Name}: Monte Carlo outcomes ({input.MonteCarlo.Options.Draws:N0} draws)");
        foreach (var m in input.ModelIds)
        {
            if (input.MonteCarlo.Find(issue.Id, m)?.Distribution is not { } d)
            {
                continue;
            }

            var color = Color.FromHex(Palette.Model(m));
            var e = d.Histogram.Edges;
            var c = d.Histogram.Counts;
            var bars = Enumerable.Range(0, c.Count).Select(b => new Bar
            {
                Position = (e[b] + e[b + 1]) / 2,
                Value = (double)c[b] / d.Count,
                Size = (e[b + 1] - e[b]) * 0.9,
                FillColor = color.WithAlpha(0.45),
                LineWidth = 0,
            }).ToList();
            plot.Add.Bars(bars).LegendText = m;
            foreach (var (q, pattern) in new[] { (d.P10, LinePattern.Dashed), (d.P50, LinePattern.Solid), (d.P90, LinePattern.Dashed) })
            {
                plot.Add.VerticalLine(q, 1.5f, color, pattern);
            }
        }

        plot.ShowLegend();
        plot.YLabel("Share of draws");
        ScaleTicks(plot, issue);
        plot.Axes.SetLimitsX(issue.ScaleLow, issue.ScaleHigh);
        return plot;
    }

    private static Plot Tornado(ReportInput input, Issue issue)
    {
        var model = input.ModelIds.FirstOrDefault(m => input.FindTornado(issue.Id, m) is { Bars.Count: > 0 }) ?? input.ModelIds.FirstOrDefault();
        var t = model is null ? null : input.FindTornado(issue.Id, model);
        var plot = NewPlot($"{issue.Name}: whose numbers matter ({model})");
        if (t is null)
        {
            return plot;
        }

        var bars = t.Bars.Take(10).ToList();
        for (var k = 0; k < bars.Count; k++)
        {
            var y = bars.Count - 1 - k;
            var low = plot.Add.Line(t.Baseline, y, bars[k].OutcomeAtLow, y);
            low.LineColor = Color.FromHex("#90b4d6");
            low.LineWidth = 16;
            var high = plot.Add.Line(t.Baseline, y, bars[k].OutcomeAtHigh, y);
            high.LineColor = Color.FromHex(Palette.Model("compromise"));
            high.LineWidth = 16;
        }

        plot.Add.VerticalLine(t.Baseline, 1.5f, Colors.Black);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, bars.Count).Select(k => (double)(bars.Count - 1 - k)).ToArray(),
            bars.Select(b => $"{Html.Markup.Truncate(input.Scenario.FindActor(b.ActorId)?.Name ?? b.ActorId, 24)} · {b.Field.ToString().ToLowerInvariant()}").ToArray());
        plot.XLabel("Forecast with the input at its low (light) and high (dark)");
        return plot;
    }

    private static Plot? Variants(ReportInput input, Issue issue)
    {
        if (input.Variants is null)
        {
            return null;
        }

        var rows = input.Variants.Variants
            .SelectMany(v => input.ModelIds.Select(m => v.Find(issue.Id, m)).Where(d => d is not null).Select(d => d!))
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var plot = NewPlot($"{issue.Name}: variant − baseline (mean and 80% interval)");
        for (var k = 0; k < rows.Count; k++)
        {
            var d = rows[k];
            var y = rows.Count - 1 - k;
            var color = Color.FromHex(Palette.Model(d.ModelId));
            var ci = plot.Add.Line(d.P10, y, d.P90, y);
            ci.LineColor = color;
            ci.LineWidth = 3;
            plot.Add.Marker(d.Mean, y, MarkerShape.FilledCircle, 9, color);
        }

        plot.Add.VerticalLine(0, 1.5f, Colors.Black);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Count).Select(k => (double)(rows.Count - 1 - k)).ToArray(),
            rows.Select(d => $"{d.VariantId} · {d.ModelId}").ToArray());
        plot.XLabel("Difference from the baseline (points of the issue's scale)");
        return plot;
    }
}
