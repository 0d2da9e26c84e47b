namespace Parley.Core.Scenarios;

/// <summary>A change to a scenario, used by variants and recommendations.</summary>
public abstract record Delta
{
    /// <summary>The actor the delta concerns.</summary>
    public required string ActorId { get; init; }
}

/// <summary>Sets one field of one actor's value on one issue (creating the value if the actor abstained: then all three fields must eventually be given).</summary>
public sealed record SetValueDelta : Delta
{
    public required string IssueId { get; init; }

    public required ValueField Field { get; init; }

    public required Estimate Value { get; init; }
}

/// <summary>Renames an actor (its id stays).</summary>
public sealed record RenameActorDelta : Delta
{
    public required string Name { get; init; }
}

/// <summary>Adds an actor with its values.</summary>
public sealed record AddActorDelta : Delta
{
    public required Actor Actor { get; init; }

    public required IReadOnlyList<ActorIssueValue> Values { get; init; }
}

/// <summary>Removes an actor and all its values.</summary>
public sealed record RemoveActorDelta : Delta;
