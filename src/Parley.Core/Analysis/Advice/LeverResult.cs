namespace Parley.Core.Analysis.Advice;

/// <summary>
/// A scored lever. Gains are in salience-weighted percent of scale: the advisee-salience-weighted mean, over the
/// issues in scope, of how far the forecast moves toward the advisee's most-likely position, as a percentage of each
/// issue's span (positive = closer). Immutable.
/// </summary>
/// <param name="Lever">The lever.</param>
/// <param name="Gains">The per-draw gain under each model, in model order: mean and 80% interval.</param>
/// <param name="ExpectedGain">Mean of the models' mean gains.</param>
/// <param name="Score">ExpectedGain / Lever.Cost: the ranking key (higher first; ties broken by description).</param>
public sealed record LeverResult(Lever Lever, IReadOnlyList<GainEstimate> Gains, double ExpectedGain, double Score)
{
    // Gains closer to 0 than this (percent of scale) count as no change: a forecast that does not move can still
    // show rounding noise of that order.
    private const double Zero = 1e-9;

    /// <summary>Models under which the mean gain is positive, in model order.</summary>
    public IReadOnlyList<string> ModelsWithGain => Gains.Where(g => g.Mean > Zero).Select(g => g.ModelId).ToList();

    /// <summary>True when the mean gain is positive under one model and negative under another.</summary>
    public bool ModelDependent => Gains.Any(g => g.Mean > Zero) && Gains.Any(g => g.Mean < -Zero);

    /// <summary>The gain under <paramref name="modelId"/>, or null.</summary>
    public GainEstimate? GainUnder(string modelId) => Gains.FirstOrDefault(g => g.ModelId == modelId);
}

/// <summary>The result of <see cref="LeverSearch.Search"/>. Immutable.</summary>
/// <param name="AdviseeId">The advised actor.</param>
/// <param name="IssueIds">The issues in scope, in scenario order.</param>
/// <param name="ModelIds">The models, in the given order.</param>
/// <param name="Options">The settings used.</param>
/// <param name="SingleCount">Number of single-move levers evaluated (after the budget cap).</param>
/// <param name="PairCount">Number of pairs evaluated.</param>
/// <param name="Ranked">Every evaluated lever, best first (score descending, then description ordinal).</param>
public sealed record LeverSearchResult(
    string AdviseeId,
    IReadOnlyList<string> IssueIds,
    IReadOnlyList<string> ModelIds,
    AdviceOptions Options,
    int SingleCount,
    int PairCount,
    IReadOnlyList<LeverResult> Ranked);
