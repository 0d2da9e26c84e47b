using System.Globalization;
using System.Text;
using Parley.Web.Runs;

namespace Parley.Web.Pages;

/// <summary>A small inline SVG histogram of simulated outcomes, with the p10–p90 band and the most-likely forecast marked.</summary>
internal static class HistogramSvg
{
    public const int Width = 180;
    public const int Height = 36;

    public static string Render(OutcomeSummary s, double deterministic, string label)
    {
        var counts = s.HistogramCounts;
        var edges = s.HistogramEdges;
        if (counts.Count == 0 || edges.Count != counts.Count + 1)
        {
            return string.Empty;
        }

        var lo = edges[0];
        var hi = edges[^1];
        var span = hi > lo ? hi - lo : 1;
        double X(double v) => Math.Clamp((v - lo) / span, 0, 1) * Width;
        var max = Math.Max(1, counts.Max());
        var sb = new StringBuilder();
        var title = string.Create(CultureInfo.InvariantCulture, $"{label}: p10 {s.P10:0.#}, p50 {s.P50:0.#}, p90 {s.P90:0.#}; most-likely forecast {deterministic:0.#}; scale {lo:0.#}–{hi:0.#}");
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"hist\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Layout.E(title)}\"><title>{Layout.E(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"band\" x=\"{X(s.P10):0.##}\" y=\"0\" width=\"{Math.Max(1, X(s.P90) - X(s.P10)):0.##}\" height=\"{Height}\"/>");
        var bw = (double)Width / counts.Count;
        for (var k = 0; k < counts.Count; k++)
        {
            var h = (double)counts[k] / max * (Height - 2);
            if (h > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{k * bw:0.##}\" y=\"{Height - h:0.##}\" width=\"{Math.Max(1, bw - 1):0.##}\" height=\"{h:0.##}\"/>");
            }
        }

        var d = X(deterministic);
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"det\" x1=\"{d:0.##}\" x2=\"{d:0.##}\" y1=\"0\" y2=\"{Height}\"/></svg>");
        return sb.ToString();
    }
}
