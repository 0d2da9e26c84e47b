namespace Parley.Core.Models.Smp;

/// <summary>
/// Every switch and constant of the Spatial Model of Politics. The defaults are KTAB's (spec smp.md §8), which
/// is also what KTAB runs for CSV input. Immutable; <see cref="SmpModel"/> checks the values when it is built.
/// </summary>
public sealed record SmpOptions
{
    /// <summary>KTAB's default seed, 0xD67CC16FE69C185C. Only <see cref="StateTransitions.Stochastic"/> uses it.</summary>
    public const ulong DefaultSeed = 0xD67CC16FE69C185CUL;

    /// <summary>KTAB's defaults.</summary>
    public static SmpOptions Default { get; } = new();

    /// <summary>Victory probability from coalition strengths. Default <see cref="VictoryProbModel.Linear"/>.</summary>
    public VictoryProbModel VictoryProbModel { get; init; } = VictoryProbModel.Linear;

    /// <summary>Probabilistic Condorcet election model. Default <see cref="PceModel.Conditional"/>.</summary>
    public PceModel PceModel { get; init; } = PceModel.Conditional;

    /// <summary>Choice among options. Default <see cref="StateTransitions.Deterministic"/>.</summary>
    public StateTransitions StateTransitions { get; init; } = StateTransitions.Deterministic;

    /// <summary>Voting rule of every election in the model. Default <see cref="SmpVotingRule.Prop"/>.</summary>
    public SmpVotingRule VotingRule { get; init; } = SmpVotingRule.Prop;

    /// <summary>How actors estimate each other's risk attitude. Default <see cref="BigRAdjust.OneThird"/>.</summary>
    public BigRAdjust BigRAdjust { get; init; } = BigRAdjust.OneThird;

    /// <summary>Range of risk attitudes. Default <see cref="BigRRange.Mid"/>.</summary>
    public BigRRange BigRRange { get; init; } = BigRRange.Mid;

    /// <summary>Third-party commitment. Default <see cref="ThirdPartyCommit.SemiCommit"/>.</summary>
    public ThirdPartyCommit ThirdPartyCommit { get; init; } = ThirdPartyCommit.SemiCommit;

    /// <summary>Bargain interpolation. Default <see cref="InterVecBargain.S2P2"/>.</summary>
    public InterVecBargain InterVecBargain { get; init; } = InterVecBargain.S2P2;

    /// <summary>Whose perspective forms bargains. Default <see cref="BargainModel.InitOnlyInterp"/>.</summary>
    public BargainModel BargainModel { get; init; } = BargainModel.InitOnlyInterp;

    /// <summary>Seed of the random draws of <see cref="StateTransitions.Stochastic"/>. Any value; runs with equal seeds are identical.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Most steps (turns after turn 0) before the run stops. ≥ 1; KTAB: 100.</summary>
    public int MaxTurns { get; init; } = 100;

    /// <summary>Fewest steps before the convergence test may stop the run. ≥ 1; KTAB: 2.</summary>
    public int MinTurns { get; init; } = 2;

    /// <summary>The run stops when a step moves positions less than this fraction of the first step's movement. ≥ 0; KTAB: 0.02.</summary>
    public double MinDeltaRatio { get; init; } = 0.02;

    /// <summary>Added to the first step's movement in the convergence ratio (positions on [0, 1]). &gt; 0; KTAB: 1e-4.</summary>
    public double MinSignificantDelta { get; init; } = 1e-4;

    /// <summary>Smallest expected gain (utility on [0, 1]) that makes an actor challenge another. ≥ 0; KTAB: 1e-5.</summary>
    public double MinSignificantGain { get; init; } = 1e-5;

    /// <summary>Positions closer than this (Euclidean, on [0, 1]) count as one when win probabilities are computed. &gt; 0; KTAB: 1e-3.</summary>
    public double PositionTolerance { get; init; } = 1e-3;

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    public void Validate()
    {
        CheckEnum(VictoryProbModel, nameof(VictoryProbModel));
        CheckEnum(PceModel, nameof(PceModel));
        CheckEnum(StateTransitions, nameof(StateTransitions));
        CheckEnum(VotingRule, nameof(VotingRule));
        CheckEnum(BigRAdjust, nameof(BigRAdjust));
        CheckEnum(BigRRange, nameof(BigRRange));
        CheckEnum(ThirdPartyCommit, nameof(ThirdPartyCommit));
        CheckEnum(InterVecBargain, nameof(InterVecBargain));
        CheckEnum(BargainModel, nameof(BargainModel));
        Guard.Positive(MaxTurns, nameof(MaxTurns));
        Guard.Positive(MinTurns, nameof(MinTurns));
        Guard.InRange(MinDeltaRatio, 0, double.MaxValue, nameof(MinDeltaRatio));
        Guard.InRange(MinSignificantDelta, double.Epsilon, double.MaxValue, nameof(MinSignificantDelta));
        Guard.InRange(MinSignificantGain, 0, double.MaxValue, nameof(MinSignificantGain));
        Guard.InRange(PositionTolerance, double.Epsilon, double.MaxValue, nameof(PositionTolerance));
    }

    private static void CheckEnum<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Unknown {typeof(T).Name} {value}; allowed: {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}
