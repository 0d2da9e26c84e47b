namespace Parley.Core.Scenarios;

/// <summary>A party to the negotiation.</summary>
public sealed record Actor(string Id, string Name, string? Description, Evidence Evidence);

/// <summary>An actor's numbers on one issue. An actor without such a value abstains from the issue.</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="IssueId">The issue.</param>
/// <param name="Position">Native units, within the issue's scale.</param>
/// <param name="Salience">0–100.</param>
/// <param name="Capability">≥ 0, ratio scale within the issue.</param>
/// <param name="Evidence">Why these numbers.</param>
public sealed record ActorIssueValue(string ActorId, string IssueId, Estimate Position, Estimate Salience, Estimate Capability, Evidence Evidence)
{
    /// <summary>The estimate of <paramref name="field"/>.</summary>
    public Estimate Get(ValueField field) => field switch
    {
        ValueField.Position => Position,
        ValueField.Salience => Salience,
        ValueField.Capability => Capability,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
    };

    /// <summary>A copy with <paramref name="field"/> replaced.</summary>
    public ActorIssueValue With(ValueField field, Estimate value) => field switch
    {
        ValueField.Position => this with { Position = value },
        ValueField.Salience => this with { Salience = value },
        ValueField.Capability => this with { Capability = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
    };

    /// <summary>Key used in messages and field paths: <c>actor/issue</c>.</summary>
    public string Key => $"{ActorId}/{IssueId}";
}
