using Parley.Core.Forecasting;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Reports.Svg;

namespace Parley.Reports.Text;

/// <summary>Whether the models agree on an issue, in plain words.</summary>
/// <param name="IssueId">The issue.</param>
/// <param name="Agree">True when the models' forecasts lie within <see cref="AgreementSummary.Threshold"/> of the scale of each other.</param>
/// <param name="Spread">Largest minus smallest forecast, native units.</param>
/// <param name="Sentence">One or two sentences for a reader who has not seen the charts.</param>
public sealed record IssueAgreement(string IssueId, bool Agree, double Spread, string Sentence);

/// <summary>
/// Writes the plain-words summary: per issue, whether the models agree (forecasts within a tenth of the scale), where
/// the forecasts sit among the anchors, and whether the 80% intervals overlap.
/// </summary>
public static class AgreementSummary
{
    /// <summary>Forecasts closer than this share of the scale count as agreement. 0.1: ten points on a 0–100 scale,
    /// well under the models' known mean error (23–27 points), so "agree" never claims more than the models can tell apart.</summary>
    public const double Threshold = 0.10;

    /// <summary>The agreement on one issue; <paramref name="monteCarlo"/> may lack the issue (intervals are then not mentioned).</summary>
    public static IssueAgreement Describe(IssueForecasts issue, MonteCarloForecast monteCarlo)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(monteCarlo);
        var i = issue.Issue;
        var span = i.ScaleHigh - i.ScaleLow;
        var f = issue.Forecasts;
        if (f.Count == 0)
        {
            return new IssueAgreement(i.Id, true, 0, "No model was run.");
        }

        var hi = f.MaxBy(x => x.Value)!;
        var lo = f.MinBy(x => x.Value)!;
        var spread = hi.Value - lo.Value;
        var agree = spread <= Threshold * span;
        string sentence;
        if (f.Count == 1)
        {
            sentence = $"{Cap(f[0].Model)} puts the outcome at {Num.OnScale(f[0].Value, span)}, {Place(i, f[0].Value)}.";
        }
        else if (agree)
        {
            var mean = f.Average(x => x.Value);
            sentence = $"The models agree: all put the outcome between {Num.OnScale(lo.Value, span)} and {Num.OnScale(hi.Value, span)}, {Place(i, mean)}.";
        }
        else
        {
            sentence = $"The models disagree by {Num.OnScale(spread, span)} points: {hi.Model} expects {Num.OnScale(hi.Value, span)} ({Place(i, hi.Value)}), {lo.Model} {Num.OnScale(lo.Value, span)} ({Place(i, lo.Value)}).";
        }

        var intervals = f.Select(x => monteCarlo.Find(i.Id, x.Model)?.Distribution).Where(d => d is not null).Select(d => d!).ToList();
        if (intervals.Count >= 2)
        {
            var overlap = intervals.Max(d => d.P10) <= intervals.Min(d => d.P90);
            sentence += agree
                ? (overlap ? " Their 80% intervals overlap." : " Their 80% intervals do not overlap, although the forecasts are close.")
                : overlap
                ? " Their 80% intervals overlap, so the range of uncertainty in the inputs covers the disagreement."
                : " Their 80% intervals do not overlap: the difference comes from the models, not from the uncertain inputs.";
        }
        else if (intervals.Count == 1)
        {
            sentence += $" 80% interval {Num.OnScale(intervals[0].P10, span)}–{Num.OnScale(intervals[0].P90, span)}.";
        }

        return new IssueAgreement(i.Id, agree, spread, sentence);
    }

    /// <summary>One sentence over all issues: on how many the models agree.</summary>
    public static string Overall(IReadOnlyList<IssueAgreement> issues, IReadOnlyList<Issue> names)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(names);
        var agree = issues.Where(a => a.Agree).ToList();
        var disagree = issues.Where(a => !a.Agree).ToList();
        string Name(IssueAgreement a) => names.FirstOrDefault(n => n.Id == a.IssueId)?.Name ?? a.IssueId;
        if (disagree.Count == 0)
        {
            return $"The models agree on all {issues.Count} issues.";
        }

        if (agree.Count == 0)
        {
            return $"The models disagree on all {issues.Count} issues; read each forecast together with its model's track record.";
        }

        return $"The models agree on {agree.Count} of {issues.Count} issues and disagree on {disagree.Count}: {string.Join("; ", disagree.Select(Name))}.";
    }

    private static string Place(Issue issue, double value)
    {
        var p = issue.PlaceAmongAnchors(value);
        return p.Length == 0 ? "on a scale without anchors" : p;
    }

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
