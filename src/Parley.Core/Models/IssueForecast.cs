namespace Parley.Core.Models;

/// <summary>A model's forecast on one issue, with the trace that led to it.</summary>
/// <param name="Model">The model id.</param>
/// <param name="Value">The forecast outcome in the issue's native units.</param>
/// <param name="Rounds">Round 0 is the initial state; round t the state after t rounds of moves. One-shot models have only round 0.</param>
/// <param name="Note">Optional remark (e.g. why a run stopped early), shown to users.</param>
public sealed record IssueForecast(string Model, double Value, IReadOnlyList<RoundState> Rounds, string? Note = null);

/// <summary>The state of an issue after a round.</summary>
/// <param name="Round">0 = initial state.</param>
/// <param name="Median">Capability × salience weighted median of the positions (native units).</param>
/// <param name="Mean">Capability × salience weighted mean of the positions (native units).</param>
/// <param name="Positions">Each actor's position after the round, in <see cref="IssueInput.ActorIds"/> order.</param>
/// <param name="RiskExponents">Each actor's risk exponent used in this round (EUM), else null.</param>
/// <param name="Moves">The moves made in this round (empty for round 0).</param>
public sealed record RoundState(int Round, double Median, double Mean, IReadOnlyList<double> Positions, IReadOnlyList<double>? RiskExponents, IReadOnlyList<Move> Moves);

/// <summary>The kind of offer an actor accepted (Scholz et al. 2011, Fig. 6).</summary>
public enum OfferKind
{
    /// <summary>Conflict in which the mover is weaker: it moves all the way.</summary>
    Confrontation,
    /// <summary>The proposer has the upper hand: the mover goes part of the way (eq. 36).</summary>
    Compromise,
    /// <summary>The mover capitulates to the proposer's position.</summary>
    Compel,
}

/// <summary>One actor's move in a round.</summary>
/// <param name="Actor">Index of the actor that moved.</param>
/// <param name="Toward">Index of the actor whose offer it accepted.</param>
/// <param name="Kind">The kind of offer.</param>
/// <param name="From">Position before the move.</param>
/// <param name="To">Position after the move.</param>
public sealed record Move(int Actor, int Toward, OfferKind Kind, double From, double To);
