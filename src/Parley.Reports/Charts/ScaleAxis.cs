using Parley.Core.Scenarios;
using Parley.Reports.Html;
using Parley.Reports.Svg;

namespace Parley.Reports.Charts;

/// <summary>Draws an issue's horizontal scale: anchor grid lines, anchor values and (optionally) wrapped anchor labels.</summary>
internal static class ScaleAxis
{
    /// <summary>Tick positions: the anchors when there are any, else nice ticks over the scale.</summary>
    public static IReadOnlyList<double> TickValues(Issue issue, LinearScale x) =>
        issue.Anchors.Count > 0 ? issue.Anchors.Select(a => a.Value).ToList() : x.Ticks(5);

    /// <summary>Vertical grid lines at the ticks from <paramref name="top"/> to <paramref name="bottom"/>.</summary>
    public static void Grid(SvgCanvas svg, Issue issue, LinearScale x, double top, double bottom)
    {
        svg.Group("grid");
        foreach (var v in TickValues(issue, x))
        {
            svg.Line(x.Map(v), top, x.Map(v), bottom, "gridline");
        }

        svg.EndGroup();
    }

    /// <summary>The axis line at <paramref name="y"/> with tick values; with <paramref name="labels"/>, the anchors' short labels wrapped below. Returns the height used.</summary>
    public static double Draw(SvgCanvas svg, Issue issue, LinearScale x, double y, bool labels)
    {
        svg.Group("axis");
        svg.Line(x.R0, y, x.R1, y, "axisline");
        var span = issue.ScaleHigh - issue.ScaleLow;
        var ticks = TickValues(issue, x);
        foreach (var v in ticks)
        {
            svg.Line(x.Map(v), y, x.Map(v), y + 4, "tick");
            svg.Text(x.Map(v), y + 15, Num.OnScale(v, span).Replace(".0", string.Empty, StringComparison.Ordinal), "tick-label", "middle");
        }

        var used = 20.0;
        if (labels && issue.Anchors.Count > 0)
        {
            // Room per label: the gap to the nearest neighbouring anchor, at roughly 5.6 px per character of 10 px text.
            var sorted = issue.Anchors.OrderBy(a => a.Value).ToList();
            var maxLines = 0;
            for (var k = 0; k < sorted.Count; k++)
            {
                var px = x.Map(sorted[k].Value);
                var left = k > 0 ? px - x.Map(sorted[k - 1].Value) : double.PositiveInfinity;
                var right = k < sorted.Count - 1 ? x.Map(sorted[k + 1].Value) - px : double.PositiveInfinity;
                var room = Math.Clamp(Math.Min(left, right) - 8, 50, 220);
                var edge = (k == 0 && px - x.R0 < room / 2) || (k == sorted.Count - 1 && x.R1 - px < room / 2);
                if (edge && sorted.Count > 1)
                {
                    // An end label hangs off its tick to one side: it may use only its half of the gap to the neighbour.
                    room = Math.Clamp((room / 2) + 14, 50, 220);
                }

                var chars = (int)(room / 5.6);
                var lines = Markup.Wrap(Issue.ShortLabel(sorted[k].Label), chars, 3);
                var anchor = k == 0 && px - x.R0 < room / 2 && sorted.Count > 1 ? "start" : k == sorted.Count - 1 && x.R1 - px < room / 2 && sorted.Count > 1 ? "end" : "middle";
                var tx = anchor == "start" ? Math.Max(px - 6, 0) : anchor == "end" ? Math.Min(px + 6, svg.Width) : px;
                svg.TextLines(tx, y + 30, lines, 12, "anchor-label", anchor);
                maxLines = Math.Max(maxLines, lines.Count);
            }

            used += 6 + (12 * maxLines);
        }

        svg.EndGroup();
        return used;
    }
}
