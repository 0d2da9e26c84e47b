using Parley.Core.Forecasting;
using Parley.Core.Models;
using Parley.Core.Scenarios;
using Parley.Reports.Html;
using Parley.Reports.Svg;

namespace Parley.Reports.Charts;

/// <summary>
/// The trajectory of a multi-round model (eum) on one issue: every actor's position by round as a thin line and the
/// capability × salience weighted median as a bold line; actors are labelled at their final position.
/// </summary>
public static class TrajectoryChart
{
    private const double Width = 760;
    private const double Left = 56;
    private const double Right = 560;
    private const double Top = 18;
    private const double Bottom = 250;

    /// <summary>The SVG of <paramref name="forecast"/>'s rounds on <paramref name="issue"/>, or null when it has a single round.</summary>
    public static string? Render(Scenario scenario, IssueForecasts issue, IssueForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(forecast);
        var rounds = forecast.Rounds;
        if (rounds.Count < 2)
        {
            return null;
        }

        var i = issue.Issue;
        var span = i.ScaleHigh - i.ScaleLow;
        var last = rounds[^1].Round;
        var x = new LinearScale(rounds[0].Round, last, Left, Right);
        var y = new LinearScale(i.ScaleLow, i.ScaleHigh, Bottom, Top);
        var svg = new SvgCanvas(ChartIds.Id(ChartIds.Trajectory, i.Id), ChartIds.Class(ChartIds.Trajectory), Width, Bottom + 44, $"{forecast.Model} trajectory: {i.Name}");
        svg.Group("grid");
        foreach (var v in i.Anchors.Count > 0 ? i.Anchors.Select(a => a.Value).ToList() : y.Ticks(5))
        {
            svg.Line(Left, y.Map(v), Right, y.Map(v), "gridline");
            svg.Text(Left - 8, y.Map(v) + 4, Num.OnScale(v, span).Replace(".0", string.Empty, StringComparison.Ordinal), "tick-label", "end");
        }

        svg.EndGroup();
        svg.Group("axis");
        svg.Line(Left, Bottom, Right, Bottom, "axisline");
        var step = Math.Max(1, (int)Math.Ceiling((last - rounds[0].Round) / 12.0));
        foreach (var r in rounds.Where(r => (r.Round - rounds[0].Round) % step == 0))
        {
            svg.Line(x.Map(r.Round), Bottom, x.Map(r.Round), Bottom + 4, "tick");
            svg.Text(x.Map(r.Round), Bottom + 16, r.Round.ToString(System.Globalization.CultureInfo.InvariantCulture), "tick-label", "middle");
        }

        svg.Text((Left + Right) / 2, Bottom + 34, "Round (0 = stated positions)", "axis-title", "middle");
        svg.EndGroup();

        var actors = issue.Input.ActorIds;
        var ends = new List<(double Y, string Label)>();
        svg.Group("actors");
        for (var a = 0; a < actors.Count; a++)
        {
            var name = scenario.FindActor(actors[a])?.Name ?? actors[a];
            svg.Polyline(rounds.Select(r => (x.Map(r.Round), y.Map(r.Positions[a]))), "actor-path", $"{name}: {Num.OnScale(rounds[0].Positions[a], span)} → {Num.OnScale(rounds[^1].Positions[a], span)}");
            ends.Add((y.Map(rounds[^1].Positions[a]), $"{Markup.ShortName(name, 22)} {Num.OnScale(rounds[^1].Positions[a], span)}"));
        }

        svg.EndGroup();
        svg.Group("median " + Palette.ModelClass(forecast.Model));
        svg.Polyline(rounds.Select(r => (x.Map(r.Round), y.Map(r.Median))), "median-path", $"Weighted median by round; final {Num.OnScale(rounds[^1].Median, span)}");
        ends.Add((y.Map(rounds[^1].Median), "median " + Num.OnScale(rounds[^1].Median, span)));
        svg.EndGroup();

        // Labels at the right end, pushed apart so that none overlap (11 px apart), then kept inside the plot.
        var placed = ends.Select((e, k) => (e.Y, e.Label, Index: k)).OrderBy(e => e.Y).ThenBy(e => e.Index).ToList();
        var ys = placed.Select(p => p.Y).ToArray();
        for (var k = 1; k < ys.Length; k++)
        {
            ys[k] = Math.Max(ys[k], ys[k - 1] + 11);
        }

        if (ys.Length > 0)
        {
            ys[^1] = Math.Min(ys[^1], Bottom + 4);
            for (var k = ys.Length - 2; k >= 0; k--)
            {
                ys[k] = Math.Min(ys[k], ys[k + 1] - 11);
            }
        }

        svg.Group("end-labels");
        for (var k = 0; k < placed.Count; k++)
        {
            var isMedian = placed[k].Index == ends.Count - 1;
            svg.Line(Right + 2, placed[k].Y, Right + 12, ys[k], "leader");
            svg.Text(Right + 16, ys[k] + 3.5, placed[k].Label, isMedian ? "end-label median-label " + Palette.ModelClass(forecast.Model) : "end-label");
        }

        svg.EndGroup();
        return svg.ToString();
    }
}
