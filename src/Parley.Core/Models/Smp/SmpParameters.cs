namespace Parley.Core.Models.Smp;

// The nine model switches of KTAB's SMP (spec smp.md §8). Member order follows KTAB's own enum order, so the
// integer codes match KTAB's documented parameter vectors.

/// <summary>How a coalition's strength ratio turns into a victory probability (KTAB <c>VictoryProbModel</c>).</summary>
public enum VictoryProbModel
{
    /// <summary>P(i&gt;j) = C_ij / (C_ij + C_ji). KTAB's default.</summary>
    Linear,
    /// <summary>Strengths squared before the ratio.</summary>
    Square,
    /// <summary>Strengths to the fourth power.</summary>
    Quartic,
    /// <summary>Strengths to the eighth power.</summary>
    Octic,
    /// <summary>Near-certain victory once one side is at least 1.1× the other; a linear ramp in between.</summary>
    Binary,
}

/// <summary>How pairwise victory probabilities combine into option probabilities (KTAB <c>PCEModel</c>).</summary>
public enum PceModel
{
    /// <summary>π_i ∝ Π_j P(i&gt;j). KTAB's default.</summary>
    Conditional,
    /// <summary>Markov chain with incentive-weighted transitions (fixed point to 1e-8).</summary>
    MarkovIncentive,
    /// <summary>Markov chain with uniform transitions (fixed point to 1e-6).</summary>
    MarkovUniform,
}

/// <summary>How an actor picks among its options once their probabilities are known.</summary>
public enum StateTransitions
{
    /// <summary>The most probable option (first one on ties). KTAB's default.</summary>
    Deterministic,
    /// <summary>A random draw from the option probabilities, from <see cref="SmpOptions.Seed"/>.</summary>
    Stochastic,
}

/// <summary>How a voter's utility difference Δ = a − b between two options becomes a vote, with weight w.</summary>
public enum SmpVotingRule
{
    /// <summary>w · clip(Δ / 1e-8, −1, 1).</summary>
    Binary,
    /// <summary>w · (0.8 Δ + 0.2 · binary).</summary>
    PropBin,
    /// <summary>w · Δ. KTAB's default.</summary>
    Prop,
    /// <summary>w · (0.5 Δ + 0.5 Δ³).</summary>
    PropCbc,
    /// <summary>w · Δ³.</summary>
    Cubic,
    /// <summary>w · Δ for losses (Δ &lt; 0), 2wΔ/3 for gains.</summary>
    ASymProsp,
}

/// <summary>How actor h estimates actor i's risk attitude from R_h and R_i (KTAB <c>BigRAdjust</c>).</summary>
public enum BigRAdjust
{
    /// <summary>h assumes its own attitude: R_h.</summary>
    None,
    /// <summary>(2R_h + R_i) / 3. KTAB's default.</summary>
    OneThird,
    /// <summary>(R_h + R_i) / 2.</summary>
    Half,
    /// <summary>(R_h + 2R_i) / 3.</summary>
    TwoThirds,
    /// <summary>h knows i's attitude: R_i.</summary>
    Full,
}

/// <summary>The range of risk attitudes R (KTAB <c>BigRRange</c>); the most likely position is the most risk-averse.</summary>
public enum BigRRange
{
    /// <summary>R ∈ [0, 1].</summary>
    Min,
    /// <summary>R ∈ [−0.5, 1]. KTAB's default.</summary>
    Mid,
    /// <summary>R ∈ [−1, 1].</summary>
    Max,
}

/// <summary>How firmly a third party that joins a side is committed to it (KTAB <c>ThirdPartyCommit</c>).</summary>
public enum ThirdPartyCommit
{
    /// <summary>Every outcome is worth 2 × A(winner) + A(own position).</summary>
    NoCommit,
    /// <summary>Win with the side joined: 2A(winner) + A(own); lose: 3A(winner). KTAB's default.</summary>
    SemiCommit,
    /// <summary>Every outcome is worth 3 × A(winner).</summary>
    FullCommit,
}

/// <summary>How a bargain interpolates between two actors' positions (KTAB <c>InterVecBrgn</c>).</summary>
public enum InterVecBargain
{
    /// <summary>Weights s·p (salience and probability to the first power), rounded to 4 decimals on [0, 1].</summary>
    S1P1,
    /// <summary>Weights s²·p², rounded to 4 decimals on [0, 1]. KTAB's default.</summary>
    S2P2,
    /// <summary>Asymmetric shifts by squared salience and the truncated probability difference; not rounded.</summary>
    S2PMax,
}

/// <summary>Whose perspective forms a proposed bargain (KTAB <c>BargnModel</c>).</summary>
public enum BargainModel
{
    /// <summary>The initiator's interpolation only. KTAB's default.</summary>
    InitOnlyInterp,
    /// <summary>Both the initiator's and the receiver's interpolation are offered.</summary>
    InitRcvrInterp,
    /// <summary>One bargain: the power-weighted average of the two interpolations.</summary>
    PWCompInterp,
}
