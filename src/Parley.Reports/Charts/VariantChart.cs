using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Reports.Html;
using Parley.Reports.Svg;

namespace Parley.Reports.Charts;

/// <summary>
/// Variant comparison on one issue: for each variant and model, the mean paired difference variant − baseline
/// (a dot) and its 80% interval (p10–p90 of the paired differences), against a zero line.
/// </summary>
public static class VariantChart
{
    private const double Width = 760;
    private const double Left = 250;
    private const double Right = 600;
    private const double Row = 15;
    private const double GroupGap = 10;

    /// <summary>The SVG of the variant differences on <paramref name="issue"/>, or null when there are none.</summary>
    public static string? Render(Scenario scenario, Issue issue, IReadOnlyList<string> modelIds, ComparisonResult comparison)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(modelIds);
        ArgumentNullException.ThrowIfNull(comparison);
        var groups = comparison.Variants
            .Select(v => (Variant: v, Rows: modelIds.Select(m => v.Find(issue.Id, m)).Where(d => d is not null).Select(d => d!).ToList()))
            .Where(g => g.Rows.Count > 0)
            .ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var span = issue.ScaleHigh - issue.ScaleLow;
        var extent = groups.SelectMany(g => g.Rows).Max(d => Math.Max(Math.Max(Math.Abs(d.P10), Math.Abs(d.P90)), Math.Abs(d.Mean)));
        // Symmetric around zero so left and right read alike; at least 5% of the scale so that no change looks like no change.
        extent = Math.Max(extent * 1.08, 0.05 * span);
        var x = new LinearScale(-extent, extent, Left, Right);
        var top = 24.0;
        var height = groups.Sum(g => (Row * g.Rows.Count) + GroupGap);
        var bottom = top + height;
        var svg = new SvgCanvas(ChartIds.Id(ChartIds.Variants, issue.Id), ChartIds.Class(ChartIds.Variants), Width, bottom + 36, $"Variants against the baseline: {issue.Name}");
        var ticks = x.Ticks(6);
        svg.Group("grid");
        foreach (var t in ticks)
        {
            svg.Line(x.Map(t), top - 4, x.Map(t), bottom, t == 0 ? "zero" : "gridline");
        }

        svg.EndGroup();
        svg.Text(Right + 16, 12, "Δ mean (80% interval)", "axis-title");
        svg.Text(x.Map(0) - 6, 12, "← lower than baseline", "axis-title", "end");
        svg.Text(x.Map(0) + 6, 12, "higher →", "axis-title");
        var y = top;
        foreach (var (variant, rows) in groups)
        {
            var name = scenario.FindVariant(variant.VariantId)?.Name ?? variant.VariantId;
            svg.Group("variant", $"data-variant=\"{Markup.Attr(variant.VariantId)}\"");
            svg.Rect(8, y - 2, Width - 16, (Row * rows.Count) + 4, "group-band");
            var nameLines = Markup.Wrap(name, 27, Math.Max(1, rows.Count));
            svg.TextLines(12, y + 11, nameLines, Row, "row-label small");
            for (var k = 0; k < rows.Count; k++)
            {
                var d = rows[k];
                var cy = y + (Row * k) + (Row / 2);
                svg.Group("model " + Palette.ModelClass(d.ModelId), $"data-model=\"{Markup.Attr(d.ModelId)}\"");
                svg.Text(Left - 8, cy + 3.5, d.ModelId, "small-label", "end");
                svg.Line(x.Map(d.P10), cy, x.Map(d.P90), cy, "ci");
                svg.Circle(x.Map(d.Mean), cy, 3.6, "point", $"{name}, {d.ModelId}: Δ {Num.Signed(d.Mean, span)}, 80% interval {Num.Signed(d.P10, span)} to {Num.Signed(d.P90, span)}, P(Δ > 0) = {Num.Percent(d.ProbabilityPositive)}");
                var cls = d.P10 > 0 ? "value-label up" : d.P90 < 0 ? "value-label down" : "value-label";
                svg.Text(Right + 16, cy + 3.5, $"{Num.Signed(d.Mean, span)}  ({Num.Signed(d.P10, span)} to {Num.Signed(d.P90, span)})", cls);
                svg.EndGroup();
            }

            svg.EndGroup();
            y += (Row * rows.Count) + GroupGap;
        }

        svg.Group("axis");
        svg.Line(Left, bottom, Right, bottom, "axisline");
        foreach (var t in ticks)
        {
            svg.Line(x.Map(t), bottom, x.Map(t), bottom + 4, "tick");
            svg.Text(x.Map(t), bottom + 16, (t > 0 ? "+" : t < 0 ? "\u2212" : string.Empty) + Num.Plain(Math.Abs(Math.Round(t, 3))), "tick-label", "middle");
        }

        svg.Text((Left + Right) / 2, bottom + 32, "Difference from the baseline, in points of the issue's scale", "axis-title", "middle");
        svg.EndGroup();
        return svg.ToString();
    }
}
