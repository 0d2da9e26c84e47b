namespace Parley.Core.Analysis.Roadmaps;

/// <summary>Whether the planner found a roadmap that improves the beneficiary's utility.</summary>
public enum RoadmapStatus
{
    /// <summary>A roadmap with a positive gain for the beneficiary that every veto player accepts stage by stage.</summary>
    Found,

    /// <summary>No acceptable roadmap improves the beneficiary's utility; see <see cref="RoadmapResult.Exclusions"/> for who blocks which step.</summary>
    Blocked,
}

/// <summary>Why a step is not in the roadmap.</summary>
public enum ExclusionReason
{
    /// <summary>Adding the step (with any prerequisites not yet taken) at the end would leave a veto player worse off.</summary>
    VetoRejects,

    /// <summary>Every veto player would accept it, but it would not raise the beneficiary's utility.</summary>
    NoGainForBeneficiary,

    /// <summary>Acceptable and useful, but out of the stage or package-size limits (or missed by the heuristic search).</summary>
    OutsideLimits,
}

/// <summary>An outcome on one issue.</summary>
public sealed record IssueOutcome(string IssueId, double Value);

/// <summary>One actor's utility before and after a stage (normalised utility, range [−1, 0]).</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="IsVetoPlayer">True when the actor's acceptance is required.</param>
/// <param name="Before">U before the stage.</param>
/// <param name="After">U after the stage.</param>
public sealed record PartyMargin(string ActorId, bool IsVetoPlayer, double Before, double After)
{
    /// <summary>The acceptance margin U(after) − U(before); a veto player accepts when it is ≥ −ε.</summary>
    public double Margin => After - Before;
}

/// <summary>One stage of the roadmap: the package of steps exchanged together and what each party makes of it.</summary>
/// <param name="Number">1-based stage number.</param>
/// <param name="StepIds">Steps of the package, ordinal order.</param>
/// <param name="Owners">Distinct givers of those steps, ordinal order (two or more make it a reciprocal exchange; one is a unilateral step every veto player accepts).</param>
/// <param name="IrreversibleStepIds">The package's steps that cannot be taken back.</param>
/// <param name="StateAfter">Issue outcomes after the stage, issue order.</param>
/// <param name="Margins">Every actor's margin, actor order.</param>
public sealed record RoadmapStage(
    int Number,
    IReadOnlyList<string> StepIds,
    IReadOnlyList<string> Owners,
    IReadOnlyList<string> IrreversibleStepIds,
    IReadOnlyList<IssueOutcome> StateAfter,
    IReadOnlyList<PartyMargin> Margins);

/// <summary>A step left out of the roadmap and why, judged by adding it (with its untaken prerequisites) at the end.</summary>
/// <param name="StepId">The step.</param>
/// <param name="Reason">Why it is out.</param>
/// <param name="Package">The step plus its prerequisites not in the roadmap, ordinal order.</param>
/// <param name="BeneficiaryGain">Change of the beneficiary's utility that adding the package would bring.</param>
/// <param name="Blockers">Veto players whose margin would fall below −ε, worst first (empty unless <see cref="ExclusionReason.VetoRejects"/>).</param>
public sealed record StepExclusion(string StepId, ExclusionReason Reason, IReadOnlyList<string> Package, double BeneficiaryGain, IReadOnlyList<PartyMargin> Blockers);

/// <summary>How the search went and how good its answer is.</summary>
/// <param name="ProvenOptimal">True when no acceptable roadmap within the limits gives the beneficiary more (up to 1e-9).</param>
/// <param name="UpperBound">A proven upper bound on the beneficiary's gain (Lagrangian bound of the continuous relaxation).</param>
/// <param name="Gap">UpperBound − gain (0 when proven optimal); the most the answer can be short of the optimum.</param>
/// <param name="Method"><c>exact</c> (search completed) or <c>heuristic</c> (exact budget spent; beam-search answer).</param>
/// <param name="StatesExplored">Distinct step sets reached by the exact search.</param>
/// <param name="PackagesEvaluated">Acceptance checks performed by both searches.</param>
public sealed record RoadmapSearchReport(bool ProvenOptimal, double UpperBound, double Gap, string Method, long StatesExplored, long PackagesEvaluated);

/// <summary>The planner's answer. Deterministic for a given problem.</summary>
/// <param name="Status">Found or Blocked.</param>
/// <param name="Beneficiary">Actor whose gain was maximised.</param>
/// <param name="VetoPlayers">Actors whose acceptance each stage needed.</param>
/// <param name="StartState">Outcomes before the roadmap.</param>
/// <param name="FinalState">Outcomes after the last stage (= start when blocked).</param>
/// <param name="BeneficiaryGain">U_beneficiary(final) − U_beneficiary(start), normalised utility units (≤ 1).</param>
/// <param name="Stages">The roadmap; empty when blocked.</param>
/// <param name="FinalMargins">Each actor's utility at the start and at the end of the roadmap.</param>
/// <param name="Exclusions">Steps not taken and why, ordinal step order.</param>
/// <param name="Search">Optimality information.</param>
public sealed record RoadmapResult(
    RoadmapStatus Status,
    string Beneficiary,
    IReadOnlyList<string> VetoPlayers,
    IReadOnlyList<IssueOutcome> StartState,
    IReadOnlyList<IssueOutcome> FinalState,
    double BeneficiaryGain,
    IReadOnlyList<RoadmapStage> Stages,
    IReadOnlyList<PartyMargin> FinalMargins,
    IReadOnlyList<StepExclusion> Exclusions,
    RoadmapSearchReport Search)
{
    /// <summary>
    /// Steps blocked by a veto player, the step that would help the beneficiary most first (ties by step id): when the
    /// status is <see cref="RoadmapStatus.Blocked"/> the first entry names the step and its worst-off veto player.
    /// </summary>
    public IReadOnlyList<StepExclusion> Blockers => Exclusions
        .Where(e => e.Reason == ExclusionReason.VetoRejects)
        .OrderByDescending(e => e.BeneficiaryGain)
        .ThenBy(e => e.StepId, StringComparer.Ordinal)
        .ToList();
}
