namespace Parley.Web.Analysis;

/// <summary>One model's verdict on a claim.</summary>
/// <param name="Model">Model id, or <c>inputs</c> for checks on the scenario's numbers alone.</param>
/// <param name="Verdict"><c>holds</c>, <c>fails</c> or <c>not checkable</c>.</param>
/// <param name="Probability">Share of draws in which the claim holds (0–1); null when no draws decide it.</param>
/// <param name="Detail">The numbers behind the verdict, in words.</param>
public sealed record ClaimVerdictView(string Model, string Verdict, double? Probability, string Detail);

/// <summary>One of the scenario's claims (predictions) with every model's verdict.</summary>
public sealed record ClaimView(string Id, string Statement, IReadOnlyList<ClaimVerdictView> Verdicts);

/// <summary>The answer of <c>GET /api/scenarios/{id}/check</c>.</summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="ScenarioName">Its display name.</param>
/// <param name="Draws">Monte Carlo draws per model and variant.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Models">Model ids, in column order.</param>
/// <param name="Claims">One per prediction, in file order.</param>
public sealed record ClaimsView(string ScenarioId, string ScenarioName, int Draws, ulong Seed, IReadOnlyList<string> Models, IReadOnlyList<ClaimView> Claims);

/// <summary>A step of a roadmap: id and display name.</summary>
public sealed record StepView(string Id, string Name, string Owner);

/// <summary>A veto player's acceptance margin U(after) − U(before) (normalised utility); ≥ 0 accepts.</summary>
public sealed record MarginView(string Actor, double Margin);

/// <summary>One stage: the steps exchanged together, their owners and each veto player's margin.</summary>
public sealed record StageView(int Number, IReadOnlyList<StepView> Steps, IReadOnlyList<string> Owners, IReadOnlyList<MarginView> VetoMargins);

/// <summary>A step a veto player blocks: its worst-off blocker and that player's margin.</summary>
/// <param name="Step">The blocked step.</param>
/// <param name="Blocker">The veto player worst off if the step were added at the end.</param>
/// <param name="Margin">That player's margin (negative).</param>
/// <param name="BeneficiaryGain">What the step (with its prerequisites) would bring the beneficiary.</param>
public sealed record BlockedStepView(StepView Step, string Blocker, double Margin, double BeneficiaryGain);

/// <summary>The answer of <c>GET /api/scenarios/{id}/roadmap</c>.</summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="ScenarioName">Its display name.</param>
/// <param name="Library">The step library's id.</param>
/// <param name="Beneficiary">Actor whose gain was maximised.</param>
/// <param name="Status"><c>found</c> or <c>blocked</c>.</param>
/// <param name="VetoPlayers">Actors whose acceptance each stage needs.</param>
/// <param name="Gain">The beneficiary's utility gain over the roadmap (normalised utility, ≤ 1).</param>
/// <param name="ProvenOptimal">True when no acceptable roadmap within the limits does better.</param>
/// <param name="Method"><c>exact</c> or <c>heuristic</c>.</param>
/// <param name="Stages">The stages in order; empty when blocked.</param>
/// <param name="Blocked">Steps blocked by a veto player, most useful to the beneficiary first.</param>
public sealed record RoadmapView(
    string ScenarioId,
    string ScenarioName,
    string Library,
    string Beneficiary,
    string Status,
    IReadOnlyList<string> VetoPlayers,
    double Gain,
    bool ProvenOptimal,
    string Method,
    IReadOnlyList<StageView> Stages,
    IReadOnlyList<BlockedStepView> Blocked);

/// <summary>Mean and 80% interval (p10–p90) of a per-draw quantity under one model.</summary>
public sealed record IntervalView(string Model, double Mean, double P10, double P90, double ProbabilityPositive);

/// <summary>A recommendation's effect on one issue under one model (only issues it touches).</summary>
/// <param name="Issue">The issue id.</param>
/// <param name="Model">The model id.</param>
/// <param name="BaselineMean">Mean forecast without the recommendation (native units).</param>
/// <param name="Change">Forecast change, native units.</param>
/// <param name="Toward">How much closer to the advisee's position, native units; null when it abstains.</param>
public sealed record EffectView(string Issue, string Model, double BaselineMean, IntervalView Change, IntervalView? Toward);

/// <summary>A scored recommendation of the scenario.</summary>
public sealed record RecommendationView(
    string Id,
    int Number,
    string By,
    string? Target,
    string Text,
    string EvaluatedIn,
    bool ModelDependent,
    IReadOnlyList<IntervalView> Gains,
    IReadOnlyList<EffectView> Effects);

/// <summary>A ranked lever: gains in salience-weighted percent of scale, score = expected gain / cost.</summary>
public sealed record LeverView(int Rank, string Description, double Cost, double ExpectedGain, double Score, IReadOnlyList<IntervalView> Gains, IReadOnlyList<string> ModelsWithGain);

/// <summary>The answer of <c>GET /api/scenarios/{id}/advise</c>.</summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="ScenarioName">Its display name.</param>
/// <param name="Actor">The advised actor.</param>
/// <param name="Draws">Paired draws per candidate.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Models">Model ids.</param>
/// <param name="IssueIds">Issues counted toward the gain.</param>
/// <param name="Recommendations">The scenario's recommendations, file order.</param>
/// <param name="SingleCount">Single-move levers evaluated.</param>
/// <param name="PairCount">Pairs evaluated.</param>
/// <param name="Levers">The best levers (at most <see cref="AnalysisService.TopLevers"/>).</param>
public sealed record AdviceView(
    string ScenarioId,
    string ScenarioName,
    string Actor,
    int Draws,
    ulong Seed,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> IssueIds,
    IReadOnlyList<RecommendationView> Recommendations,
    int SingleCount,
    int PairCount,
    IReadOnlyList<LeverView> Levers);
