using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Reports.Html;
using Parley.Reports.Svg;

namespace Parley.Reports.Charts;

/// <summary>
/// One-at-a-time sensitivity of each model on one issue: for the inputs with the largest swing, a bar from the
/// forecast with that input at its low to the forecast with it at its high, centred on the baseline forecast.
/// One panel per model on a shared axis zoomed to the swings.
/// </summary>
public static class TornadoChart
{
    /// <summary>Bars shown per model.</summary>
    public const int TopBars = 6;

    private const double Width = 760;
    private const double Left = 250;
    private const double Right = 700;
    private const double Row = 17;

    /// <summary>The SVG of the tornadoes on <paramref name="issue"/>, one panel per result.</summary>
    public static string Render(Scenario scenario, Issue issue, IReadOnlyList<TornadoResult> tornadoes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(tornadoes);
        var span = issue.ScaleHigh - issue.ScaleLow;
        var all = tornadoes.SelectMany(t => t.Bars.Take(TopBars).SelectMany(b => new[] { b.OutcomeAtLow, b.OutcomeAtHigh }).Append(t.Baseline)).ToList();
        var lo = all.Count == 0 ? issue.ScaleLow : all.Min();
        var hi = all.Count == 0 ? issue.ScaleHigh : all.Max();
        // Zoom to the swings, but never to less than a tenth of the scale, so that tiny swings look tiny.
        var pad = Math.Max(0.05 * (hi - lo), 0);
        var minSpan = 0.1 * span;
        if (hi - lo + (2 * pad) < minSpan)
        {
            var mid = (lo + hi) / 2;
            lo = mid - (minSpan / 2);
            hi = mid + (minSpan / 2);
        }
        else
        {
            lo -= pad;
            hi += pad;
        }

        var x = new LinearScale(lo, hi, Left, Right);
        var heights = tornadoes.Select(t => 26 + (Row * Math.Max(1, Math.Min(TopBars, t.Bars.Count)))).ToList();
        var total = 30 + heights.Sum();
        var svg = new SvgCanvas(ChartIds.Id(ChartIds.Tornado, issue.Id), ChartIds.Class(ChartIds.Tornado), Width, total + 30, $"Sensitivity (tornado): {issue.Name}");
        var ticks = x.Ticks(6);
        svg.Group("grid");
        foreach (var t in ticks)
        {
            svg.Line(x.Map(t), 22, x.Map(t), total, "gridline");
        }

        svg.EndGroup();
        svg.Group("legend");
        svg.Rect(Left, 4, 10, 10, "low");
        svg.Text(Left + 14, 13, "input at its low", "small-label");
        svg.Rect(Left + 120, 4, 10, 10, "high");
        svg.Text(Left + 134, 13, "input at its high", "small-label");
        svg.Line(Left + 250, 3, Left + 250, 15, "base");
        svg.Text(Left + 256, 13, "forecast at most-likely values", "small-label");
        svg.EndGroup();
        var y = 30.0;
        for (var k = 0; k < tornadoes.Count; k++)
        {
            var t = tornadoes[k];
            svg.Group("model " + Palette.ModelClass(t.ModelId), $"data-model=\"{Markup.Attr(t.ModelId)}\"");
            svg.Text(8, y + 12, t.ModelId, "panel-title");
            svg.Text(Left - 10, y + 12, "forecast " + Num.OnScale(t.Baseline, span), "small-label", "end");
            var rowsTop = y + 20;
            var bars = t.Bars.Take(TopBars).ToList();
            if (bars.Count == 0)
            {
                svg.Text(Left, rowsTop + 12, "No ranged inputs on this issue: nothing to vary.", "small-label");
            }

            for (var b = 0; b < bars.Count; b++)
            {
                var bar = bars[b];
                var cy = rowsTop + (Row * b) + (Row / 2);
                var actor = scenario.FindActor(bar.ActorId)?.Name ?? bar.ActorId;
                var label = $"{Markup.ShortName(actor, 26)} · {bar.Field.ToString().ToLowerInvariant()}";
                svg.Text(Left - 10, cy + 4, label, "row-label small", "end");
                var b0 = x.Map(t.Baseline);
                var tip = $"{label} from {Num.Plain(bar.Range.Low)} to {Num.Plain(bar.Range.High)}: forecast {Num.OnScale(bar.OutcomeAtLow, span)} to {Num.OnScale(bar.OutcomeAtHigh, span)}";
                Segment(svg, b0, x.Map(bar.OutcomeAtLow), cy, "low", tip);
                Segment(svg, b0, x.Map(bar.OutcomeAtHigh), cy, "high", tip);
                svg.Text(Math.Max(x.Map(bar.OutcomeAtLow), x.Map(bar.OutcomeAtHigh)) + 4, cy + 3.5, Num.OnScale(bar.Swing, span), "tiny-label");
            }

            svg.Line(x.Map(t.Baseline), rowsTop - 2, x.Map(t.Baseline), rowsTop + (Row * Math.Max(1, bars.Count)) + 2, "base");
            svg.EndGroup();
            y += heights[k];
        }

        svg.Group("axis");
        svg.Line(Left, total, Right, total, "axisline");
        foreach (var t in ticks)
        {
            svg.Line(x.Map(t), total, x.Map(t), total + 4, "tick");
            svg.Text(x.Map(t), total + 16, Num.Plain(Math.Round(t, 3)), "tick-label", "middle");
        }

        svg.EndGroup();
        return svg.ToString();
    }

    private static void Segment(SvgCanvas svg, double from, double to, double cy, string cls, string tip)
    {
        var w = Math.Abs(to - from);
        svg.Rect(Math.Min(from, to), cy - 5.5, Math.Max(w, 0.8), 11, cls, tip);
    }
}
