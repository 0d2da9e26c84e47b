using Parley.Core.Forecasting;
using Parley.Core.Uncertainty;
using Parley.Reports.Svg;

namespace Parley.Reports.Charts;

/// <summary>
/// Each model's forecast on one issue: a dot at the forecast with every value at its most likely, a bar over the
/// 80% interval (p10–p90 of the Monte Carlo outcomes) and a tick at the simulated median.
/// </summary>
public static class ForecastChart
{
    private const double Width = 760;
    private const double Left = 200;
    private const double Right = 600;
    private const double Row = 34;

    /// <summary>The SVG of the forecasts on <paramref name="issue"/>.</summary>
    public static string Render(IssueForecasts issue, MonteCarloForecast monteCarlo)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(monteCarlo);
        var i = issue.Issue;
        var span = i.ScaleHigh - i.ScaleLow;
        var top = 26.0;
        var bottom = top + (Row * issue.Forecasts.Count);
        var x = new LinearScale(i.ScaleLow, i.ScaleHigh, Left, Right);
        var svg = new SvgCanvas(ChartIds.Id(ChartIds.Forecast, i.Id), ChartIds.Class(ChartIds.Forecast), Width, bottom + 30, $"Forecasts: {i.Name}");
        ScaleAxis.Grid(svg, i, x, top - 6, bottom);
        if (i.StatusQuo is { } sq)
        {
            svg.Line(x.Map(sq.Mode), top - 6, x.Map(sq.Mode), bottom, "sq-line");
            svg.Text(x.Map(sq.Mode), top - 10, "status quo", "sq-label", "middle");
        }

        svg.Text(Right + 16, 12, "Forecast (80% interval)", "axis-title");
        for (var k = 0; k < issue.Forecasts.Count; k++)
        {
            var f = issue.Forecasts[k];
            var cy = top + (Row * k) + (Row / 2);
            var d = monteCarlo.Find(i.Id, f.Model)?.Distribution;
            svg.Group("model " + Palette.ModelClass(f.Model), $"data-model=\"{Html.Markup.Attr(f.Model)}\"");
            svg.Line(Left - 8, cy, Right, cy, "row-rule");
            svg.Text(Left - 14, cy + 4, f.Model, "row-label", "end");
            var text = Num.OnScale(f.Value, span);
            if (d is not null)
            {
                svg.Rect(x.Map(d.P10), cy - 6, x.Map(d.P90) - x.Map(d.P10), 12, "interval", $"80% interval {Num.OnScale(d.P10, span)} to {Num.OnScale(d.P90, span)}");
                svg.Line(x.Map(d.P50), cy - 8, x.Map(d.P50), cy + 8, "p50-tick");
                text += $"  ({Num.OnScale(d.P10, span)}–{Num.OnScale(d.P90, span)})";
            }

            svg.Circle(x.Map(f.Value), cy, 5.5, "point", $"{f.Model}: {Num.OnScale(f.Value, span)} at the most-likely values");
            svg.Text(Right + 16, cy + 4, text, "value-label");
            svg.EndGroup();
        }

        ScaleAxis.Draw(svg, i, x, bottom + 4, labels: false);
        return svg.ToString();
    }
}
