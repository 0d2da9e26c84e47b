namespace Parley.Core.Models.Exchange;

/// <summary>How an exchange's rate (the ratio of the two outcome shifts) is set.</summary>
public enum ExchangeVariant
{
    /// <summary>Stokman–Van Oosten Equal Gain: both actors gain the same expected utility (the Decide default).</summary>
    EqualGain,

    /// <summary>
    /// Random Rate: the rate is drawn uniformly between the two actors' break-even rates (seeded);
    /// an exchange is ranked by the smaller of the two actors' gains.
    /// </summary>
    RandomRate,
}

/// <summary>How exact ties in gain (|difference| &lt; 1e-20) are broken when choosing the next exchange.</summary>
public enum ExchangeTieBreak
{
    /// <summary>The first in stable order wins (as in the reference runs, <c>ALLOW_RANDOM = False</c>).</summary>
    Deterministic,

    /// <summary>One of the tied exchanges is chosen uniformly with the seeded generator.</summary>
    Random,
}

/// <summary>What a realised exchange leaves in the move history of an exchange that is recalculated because of it.</summary>
public enum MoveHistoryRule
{
    /// <summary>
    /// The actor's realised move replaces the stale planned move (the corrected behaviour, spec §11); default.
    /// </summary>
    RealisedMove,

    /// <summary>
    /// The stale planned (tentative) move stays in the history, as the Decide HEAD code does; needed to
    /// reproduce the stored reference runs.
    /// </summary>
    StalePlannedMove,
}

/// <summary>Options of <see cref="ExchangeModel"/>. Immutable; copy with <c>with</c>.</summary>
public sealed record ExchangeOptions
{
    /// <summary>Default options: Equal Gain, deterministic ties, 10 rounds, corrected move history, seed 1, one thread.</summary>
    public static ExchangeOptions Default { get; } = new();

    /// <summary>Options that reproduce the Decide reference runs (<c>ALLOW_RANDOM = False</c>, HEAD move history).</summary>
    public static ExchangeOptions Reference { get; } = new() { MoveHistory = MoveHistoryRule.StalePlannedMove };

    /// <summary>Rate rule.</summary>
    public ExchangeVariant Variant { get; init; } = ExchangeVariant.EqualGain;

    /// <summary>Tie rule.</summary>
    public ExchangeTieBreak TieBreak { get; init; } = ExchangeTieBreak.Deterministic;

    /// <summary>Number of rounds, ≥ 1 (no convergence test; a round without valid exchanges changes nothing).</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>Move-history rule used when an exchange is recalculated.</summary>
    public MoveHistoryRule MoveHistory { get; init; } = MoveHistoryRule.RealisedMove;

    /// <summary>Seed of every random draw (Random Rate rates, random tie-breaks); results are a function of it.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Threads used to evaluate the candidate exchanges at the start of each round (1 = sequential, 0 = all cores).
    /// The result does not depend on it.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>
    /// When true, every candidate exchange is evaluated in 28-digit decimal arithmetic. By default (false) each
    /// is first estimated in double arithmetic with a rigorous error bound and redone exactly only where a
    /// decision is within that bound of its boundary, or where exact numbers are needed (realised exchanges,
    /// near ties in gain). Both settings give identical results; this one is slower and exists for verification.
    /// </summary>
    public bool ExactArithmeticOnly { get; init; }

    /// <summary>Weight of the salience-dependent pull towards the voting position (the model's 0.4).</summary>
    internal const double SalienceWeight = 0.4;

    /// <summary>Fixed pull towards the voting position (the model's 0.1).</summary>
    internal const double FixedWeight = 0.1;
}
