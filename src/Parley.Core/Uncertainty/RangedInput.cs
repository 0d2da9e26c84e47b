using Parley.Core.Numerics.Random;
using Parley.Core.Scenarios;

namespace Parley.Core.Uncertainty;

/// <summary>
/// One uncertain number of a scenario: a field of an actor's value on an issue, with its estimate.
/// <see cref="Key"/> names its random stream: the same (actor, issue, field) gets the same random numbers in every
/// variant, which is what pairs the draws of a comparison.
/// </summary>
/// <param name="ActorId">The actor.</param>
/// <param name="IssueId">The issue.</param>
/// <param name="Field">Position, salience or capability.</param>
/// <param name="Estimate">Low, mode and high (native units / 0–100 / ≥ 0).</param>
public sealed record RangedInput(string ActorId, string IssueId, ValueField Field, Estimate Estimate)
{
    /// <summary>FNV-1a (64-bit) of actor id, issue id and field name (see <see cref="StreamKey"/>).</summary>
    public ulong Key => StreamKey(ActorId, IssueId, Field);

    /// <summary>
    /// The stable stream key of (actor, issue, field): FNV-1a 64 over the actor id, the issue id and the field's name
    /// in lower case ("position", "salience", "capability"), each followed by the octet 0x1F.
    /// </summary>
    public static ulong StreamKey(string actorId, string issueId, ValueField field) =>
        StableHash.Fnv1a(actorId, issueId, FieldName(field));

    /// <summary>The lower-case name of <paramref name="field"/> as used in keys and messages.</summary>
    public static string FieldName(ValueField field) => field switch
    {
        ValueField.Position => "position",
        ValueField.Salience => "salience",
        ValueField.Capability => "capability",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
    };
}
