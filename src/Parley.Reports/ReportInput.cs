using Parley.Core.Analysis.Advice;
using Parley.Core.Analysis.Claims;
using Parley.Core.Analysis.Roadmaps;
using Parley.Core.Forecasting;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;

namespace Parley.Reports;

/// <summary>
/// Everything a report shows, computed beforehand: the report is a pure function of this value
/// (same input, byte-identical HTML). Immutable.
/// </summary>
/// <param name="Scenario">The scenario as run (a variant may be applied, see <see cref="Scenario.AppliedVariant"/>).</param>
/// <param name="Forecast">Deterministic forecasts at the most-likely values, with the eum trace.</param>
/// <param name="MonteCarlo">Outcome distributions of the same models on the same scenario.</param>
/// <param name="Tornadoes">One-at-a-time sensitivity, one per issue × model (any order; missing pairs are shown as missing).</param>
/// <param name="Variants">Paired variant comparisons against the baseline, or null when there are none.</param>
/// <param name="Accuracy">What is known of each model's accuracy, shown in the header.</param>
/// <param name="GeneratedOn">A date to print as the generation date, or null to print none (keeps output reproducible).</param>
/// <param name="ToolVersion">Version string of the tool that made the report, shown in the footer.</param>
public sealed record ReportInput(
    Scenario Scenario,
    ScenarioForecast Forecast,
    MonteCarloForecast MonteCarlo,
    IReadOnlyList<TornadoResult> Tornadoes,
    ComparisonResult? Variants,
    IReadOnlyList<ModelAccuracy> Accuracy,
    string? GeneratedOn = null,
    string? ToolVersion = null)
{
    /// <summary>The model ids in display order (the order the forecasts were run in).</summary>
    public IReadOnlyList<string> ModelIds =>
        Forecast.Issues.Count == 0 ? [] : Forecast.Issues[0].Forecasts.Select(f => f.Model).ToList();

    /// <summary>The scenario's predictions judged under each model (<c>parley check</c>); empty when not computed.</summary>
    public IReadOnlyList<ClaimResult> Claims { get; init; } = [];

    /// <summary>A reciprocal roadmap (<c>parley roadmap</c>) with its step names by id, or null when not computed.</summary>
    public (RoadmapResult Result, IReadOnlyDictionary<string, string> StepNames)? Roadmap { get; init; }

    /// <summary>Advice for one actor (<c>parley advise</c>): its recommendations' effects and the best levers; null when not computed.</summary>
    public (string ActorId, IReadOnlyList<RecommendationScore> Recommendations, LeverSearchResult Levers)? Advice { get; init; }

    /// <summary>The tornado of <paramref name="modelId"/> on <paramref name="issueId"/>, or null.</summary>
    public TornadoResult? FindTornado(string issueId, string modelId) =>
        Tornadoes.FirstOrDefault(t => t.IssueId == issueId && t.ModelId == modelId);
}

/// <summary>A model's measured accuracy on a reference data set.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="MeanAbsoluteError">Mean absolute error in points on a 0–100 scale, or null when not measured.</param>
/// <param name="Cases">Number of cases it was measured on (0 when not measured).</param>
/// <param name="DataSet">What the cases are, e.g. "EU decisions".</param>
public sealed record ModelAccuracy(string ModelId, double? MeanAbsoluteError, int Cases, string DataSet)
{
    /// <summary>
    /// What is published for the built-in models: on 351 EU legislative decisions, the compromise model's mean error is
    /// 23 points on 0–100 and the expected-utility model's 27; the median model has no published figure on that set.
    /// </summary>
    public static IReadOnlyList<ModelAccuracy> Published { get; } =
    [
        new("compromise", 23, 351, "EU decisions"),
        new("median", null, 0, "EU decisions"),
        new("eum", 27, 351, "EU decisions"),
    ];
}
