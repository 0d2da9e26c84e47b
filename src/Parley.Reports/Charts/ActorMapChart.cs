using Parley.Core.Scenarios;
using Parley.Reports.Html;
using Parley.Reports.Svg;

namespace Parley.Reports.Charts;

/// <summary>
/// The actor map of one issue: one row per actor (sorted by position), a bubble at its most-likely position whose
/// area is proportional to capability × salience, a whisker over its low–high position range, anchors as grid lines.
/// </summary>
public static class ActorMapChart
{
    private const double Width = 760;
    private const double Left = 200;
    private const double Right = 730;
    private const double Row = 30;
    private const double MaxRadius = 12.5;
    private const double MinRadius = 2.5;

    /// <summary>The SVG of the actor map of <paramref name="issue"/> in <paramref name="scenario"/>.</summary>
    public static string Render(Scenario scenario, Issue issue)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(issue);
        var values = scenario.ValuesOn(issue.Id).OrderBy(v => v.Position.Mode).ThenBy(v => v.ActorId, StringComparer.Ordinal).ToList();
        var top = 28.0;
        var plotBottom = top + (Row * Math.Max(1, values.Count));
        var x = new LinearScale(issue.ScaleLow, issue.ScaleHigh, Left, Right);
        var svg = new SvgCanvas(ChartIds.Id(ChartIds.ActorMap, issue.Id), ChartIds.Class(ChartIds.ActorMap), Width, plotBottom + 90, $"Actor map: {issue.Name}");
        var span = issue.ScaleHigh - issue.ScaleLow;
        ScaleAxis.Grid(svg, issue, x, top - 8, plotBottom);
        if (issue.StatusQuo is { } sq)
        {
            svg.Group("status-quo");
            svg.Rect(x.Map(sq.Low), top - 8, x.Map(sq.High) - x.Map(sq.Low), plotBottom - top + 8, "sq-band");
            svg.Line(x.Map(sq.Mode), top - 8, x.Map(sq.Mode), plotBottom, "sq-line");
            svg.Text(x.Map(sq.Mode), top - 12, "status quo " + Num.OnScale(sq.Mode, span), "sq-label", "middle");
            svg.EndGroup();
        }

        var maxWeight = values.Count == 0 ? 0 : values.Max(v => v.Capability.Mode * v.Salience.Mode);
        for (var k = 0; k < values.Count; k++)
        {
            var v = values[k];
            var name = scenario.FindActor(v.ActorId)?.Name ?? v.ActorId;
            var cy = top + (Row * k) + (Row / 2);
            var weight = v.Capability.Mode * v.Salience.Mode;
            var r = maxWeight > 0 ? Math.Max(MinRadius, MaxRadius * Math.Sqrt(weight / maxWeight)) : MinRadius;
            svg.Group("actor", $"data-actor=\"{Markup.Attr(v.ActorId)}\"");
            svg.Line(Left - 8, cy, Right, cy, "row-rule");
            svg.Text(Left - 14, cy + 4, Markup.ShortName(name, 30), "row-label", "end");
            if (!v.Position.IsPoint)
            {
                svg.Line(x.Map(v.Position.Low), cy, x.Map(v.Position.High), cy, "range");
                svg.Line(x.Map(v.Position.Low), cy - 4, x.Map(v.Position.Low), cy + 4, "range");
                svg.Line(x.Map(v.Position.High), cy - 4, x.Map(v.Position.High), cy + 4, "range");
            }

            var tip = $"{name}: position {v.Position}, salience {v.Salience}, capability {v.Capability}";
            svg.Circle(x.Map(v.Position.Mode), cy, r, "bubble", tip);
            svg.EndGroup();
        }

        ScaleAxis.Draw(svg, issue, x, plotBottom + 6, labels: true);
        svg.Text(Left - 14, 12, "Actor", "axis-title", "end");
        svg.Text(Left, 12, "Position (bubble area = capability × salience; whisker = low–high)", "axis-title");
        return svg.ToString();
    }
}
