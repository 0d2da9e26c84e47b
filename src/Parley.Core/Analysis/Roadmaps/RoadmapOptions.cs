namespace Parley.Core.Analysis.Roadmaps;

/// <summary>Limits and tolerances of the roadmap planner. Validated by <see cref="RoadmapProblem"/>.</summary>
public sealed record RoadmapOptions
{
    /// <summary>Default options.</summary>
    public static RoadmapOptions Default { get; } = new();

    /// <summary>Most stages (packages) in a roadmap; ≥ 1. Default 8.</summary>
    public int MaxStages { get; init; } = 8;

    /// <summary>Most steps in one package; ≥ 1. Default 4.</summary>
    public int MaxStepsPerPackage { get; init; } = 4;

    /// <summary>
    /// Acceptance tolerance ε ≥ 0 on the normalised utility scale [−1, 0]: a veto player accepts a stage when its margin
    /// U(after) − U(before) ≥ −ε. Default 1e-9 (a pure rounding tolerance).
    /// </summary>
    public double Epsilon { get; init; } = 1e-9;

    /// <summary>
    /// Budget of the exact search: package evaluations (acceptance checks) before it gives up and the result falls
    /// back to the heuristic's best with the optimality gap reported. ≥ 1. Default 10 million (about a second or two on one core).
    /// </summary>
    public long ExactEvaluationBudget { get; init; } = 10_000_000;

    /// <summary>Budget of the exact search: distinct step sets kept in memory. ≥ 1. Default 2 million.</summary>
    public int ExactStateBudget { get; init; } = 2_000_000;

    /// <summary>Sets kept per stage by the heuristic beam search that seeds the exact search; ≥ 1. Default 16.</summary>
    public int BeamWidth { get; init; } = 16;

    /// <summary>
    /// When the available steps give more candidate packages than this, the heuristic builds packages greedily
    /// (seed step plus compensating steps) instead of enumerating them; ≥ 1. Default 4000.
    /// </summary>
    public int EnumeratedPackageLimit { get; init; } = 4000;
}
