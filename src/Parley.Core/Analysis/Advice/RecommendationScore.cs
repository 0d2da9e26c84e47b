using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Advice;

/// <summary>
/// A recommendation's effect on one issue under one model, over paired draws (recommendation − its baseline).
/// </summary>
/// <param name="IssueId">The issue.</param>
/// <param name="ModelId">The model.</param>
/// <param name="Touched">False when the recommendation changes nothing on the issue: every number is then exactly 0.</param>
/// <param name="BaselineMean">Mean forecast of the recommendation's baseline (native units).</param>
/// <param name="Change">Forecast change F_new − F_base per draw (native units): mean and 80% interval.</param>
/// <param name="Toward">
/// How much closer the forecast comes to the advisee's most-likely position per draw, |F_base − x| − |F_new − x|
/// (native units; positive = toward the advisee); null when the advisee takes no part in the issue.
/// </param>
public sealed record IssueEffect(string IssueId, string ModelId, bool Touched, double BaselineMean, GainEstimate Change, GainEstimate? Toward);

/// <summary>A scored recommendation. Immutable.</summary>
/// <param name="Recommendation">The recommendation as written in the scenario.</param>
/// <param name="EvaluatedIn">The variant its moves were applied to (<c>baseline</c> when none is named).</param>
/// <param name="Effects">One per issue × model: issues in scenario order, models in the given order.</param>
/// <param name="Gains">The per-draw gain (salience-weighted percent of scale, as for levers) under each model.</param>
public sealed record RecommendationScore(Recommendation Recommendation, string EvaluatedIn, IReadOnlyList<IssueEffect> Effects, IReadOnlyList<GainEstimate> Gains)
{
    /// <summary>True when the mean gain is positive under one model and negative under another.</summary>
    public bool ModelDependent => Gains.Any(g => g.Mean > 1e-9) && Gains.Any(g => g.Mean < -1e-9);

    /// <summary>The issues the recommendation's moves touch, in scenario order.</summary>
    public IReadOnlyList<string> TouchedIssueIds => Effects.Where(e => e.Touched).Select(e => e.IssueId).Distinct().ToList();
}
