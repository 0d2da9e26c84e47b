using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Reports.Svg;

namespace Parley.Reports.Charts;

/// <summary>
/// The Monte Carlo outcome distribution of each model on one issue, one panel per model on a shared scale, with the
/// 80% interval shaded and p10, p50 and p90 marked.
/// </summary>
public static class HistogramChart
{
    private const double Width = 760;
    private const double Left = 200;
    private const double Right = 730;
    private const double Panel = 74;

    /// <summary>The SVG of the distributions on <paramref name="issue"/>, panels in <paramref name="modelIds"/> order.</summary>
    public static string Render(Issue issue, IReadOnlyList<string> modelIds, MonteCarloForecast monteCarlo)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(modelIds);
        ArgumentNullException.ThrowIfNull(monteCarlo);
        var outcomes = modelIds.Select(m => monteCarlo.Find(issue.Id, m)).Where(o => o is not null).Select(o => o!).ToList();
        var span = issue.ScaleHigh - issue.ScaleLow;
        var lo = Math.Min(issue.ScaleLow, outcomes.Count == 0 ? issue.ScaleLow : outcomes.Min(o => o.Distribution.Histogram.Edges[0]));
        var hi = Math.Max(issue.ScaleHigh, outcomes.Count == 0 ? issue.ScaleHigh : outcomes.Max(o => o.Distribution.Histogram.Edges[^1]));
        var x = new LinearScale(lo, hi, Left, Right);
        var top = 10.0;
        var bottom = top + (Panel * Math.Max(1, outcomes.Count));
        var svg = new SvgCanvas(ChartIds.Id(ChartIds.Histogram, issue.Id), ChartIds.Class(ChartIds.Histogram), Width, bottom + 30, $"Monte Carlo distributions: {issue.Name}");
        ScaleAxis.Grid(svg, issue, x, top, bottom);
        for (var k = 0; k < outcomes.Count; k++)
        {
            var o = outcomes[k];
            var d = o.Distribution;
            var baseY = top + (Panel * (k + 1)) - 8;
            var height = Panel - 30;
            var max = d.Histogram.Counts.Count == 0 ? 0 : d.Histogram.Counts.Max();
            svg.Group("model " + Palette.ModelClass(o.ModelId), $"data-model=\"{Html.Markup.Attr(o.ModelId)}\"");
            svg.Text(Left - 14, baseY - (height / 2) + 4, o.ModelId, "row-label", "end");
            svg.Text(Left - 14, baseY - (height / 2) + 17, $"N = {d.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "small-label", "end");
            svg.Rect(x.Map(d.P10), baseY - height - 4, x.Map(d.P90) - x.Map(d.P10), height + 4, "band");
            var edges = d.Histogram.Edges;
            var counts = d.Histogram.Counts;
            for (var b = 0; b < counts.Count; b++)
            {
                var h = max == 0 ? 0 : height * counts[b] / max;
                if (counts[b] > 0)
                {
                    svg.Rect(x.Map(edges[b]) + 0.5, baseY - h, x.Map(edges[b + 1]) - x.Map(edges[b]) - 1, h, "bar",
                        $"{Num.OnScale(edges[b], span)}–{Num.OnScale(edges[b + 1], span)}: {Num.Percent((double)counts[b] / d.Count)} of draws");
                }
            }

            svg.Line(Left, baseY, Right, baseY, "baseline");
            Marker(svg, x.Map(d.P10), baseY, height, "q10", "p10 " + Num.OnScale(d.P10, span), "end", 9);
            Marker(svg, x.Map(d.P50), baseY, height, "q50", "p50 " + Num.OnScale(d.P50, span), "middle", 0);
            Marker(svg, x.Map(d.P90), baseY, height, "q90", "p90 " + Num.OnScale(d.P90, span), "start", 9);
            svg.EndGroup();
        }

        ScaleAxis.Draw(svg, issue, x, bottom, labels: false);
        return svg.ToString();
    }

    private static void Marker(SvgCanvas svg, double px, double baseY, double height, string cls, string label, string anchor, double drop)
    {
        svg.Line(px, baseY - height - 4, px, baseY, "q " + cls);
        var dx = anchor == "end" ? -3 : anchor == "start" ? 3 : 0;
        svg.Text(px + dx, baseY - height - 7 + drop, label, "q-label " + cls, anchor);
    }
}
