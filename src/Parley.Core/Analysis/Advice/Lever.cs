namespace Parley.Core.Analysis.Advice;

/// <summary>
/// A candidate action for the advisee: one move, or a pair of moves made together. Immutable.
/// </summary>
public sealed record Lever
{
    /// <summary>Creates a lever of one or more moves (at most one per actor, issue and field).</summary>
    /// <exception cref="ArgumentException">No moves, or two moves on the same actor, issue and field.</exception>
    public Lever(IReadOnlyList<LeverMove> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        if (moves.Count == 0)
        {
            throw new ArgumentException("A lever needs at least one move.", nameof(moves));
        }

        if (moves.Select(m => (m.ActorId, m.IssueId, m.Field)).Distinct().Count() != moves.Count)
        {
            throw new ArgumentException("A lever may move each actor's value on an issue only once.", nameof(moves));
        }

        Moves = moves;
        Cost = moves.Sum(m => m.Cost);
        Description = string.Join(" + ", moves.Select(m => m.Description));
        Targets = moves.Select(m => m.ActorId).Distinct().ToList();
        IssueIds = moves.Select(m => m.IssueId).Distinct().ToList();
    }

    /// <summary>The moves, in the order given.</summary>
    public IReadOnlyList<LeverMove> Moves { get; }

    /// <summary>Total cost: the sum of the moves' costs (&gt; 0).</summary>
    public double Cost { get; }

    /// <summary>The moves' descriptions joined by " + " (also the ranking's tie-break).</summary>
    public string Description { get; }

    /// <summary>Actors whose values the lever changes, in move order.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>Issues the lever touches, in move order.</summary>
    public IReadOnlyList<string> IssueIds { get; }

    /// <inheritdoc/>
    public override string ToString() => Description;
}
