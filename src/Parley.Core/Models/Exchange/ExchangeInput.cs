using Parley.Core.Scenarios;

namespace Parley.Core.Models.Exchange;

/// <summary>An issue of an exchange input: id and native scale [Lower, Upper].</summary>
/// <param name="Id">Unique issue id.</param>
/// <param name="Lower">Lower end of the native scale.</param>
/// <param name="Upper">Upper end of the native scale, ≥ <paramref name="Lower"/>.</param>
public sealed record ExchangeIssue(string Id, decimal Lower, decimal Upper);

/// <summary>One actor's numbers on one issue.</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="IssueId">The issue.</param>
/// <param name="Position">Native units, within the issue's [Lower, Upper].</param>
/// <param name="Salience">Fraction 0–1 (a Parley scenario's 0–100 divided by 100).</param>
/// <param name="Power">Capability, ≥ 0.</param>
public sealed record ExchangeValue(string ActorId, string IssueId, decimal Position, decimal Salience, decimal Power);

/// <summary>
/// Input of the exchange model: actors and issues in order (the order breaks ties and orders the candidate
/// list, so it matters), and each actor's position, salience and power per issue. An actor without a value
/// on an issue abstains there. Numbers are <see cref="decimal"/> so that values read from text stay exact.
/// Immutable and validated on construction.
/// </summary>
public sealed class ExchangeInput
{
    private ExchangeInput(IReadOnlyList<string> actorIds, IReadOnlyList<ExchangeIssue> issues, IReadOnlyList<ExchangeValue> values)
    {
        ActorIds = actorIds;
        Issues = issues;
        Values = values;
    }

    /// <summary>Actor ids in order.</summary>
    public IReadOnlyList<string> ActorIds { get; }

    /// <summary>Issues in order.</summary>
    public IReadOnlyList<ExchangeIssue> Issues { get; }

    /// <summary>Actor × issue values (at most one per pair).</summary>
    public IReadOnlyList<ExchangeValue> Values { get; }

    /// <summary>Creates a validated input.</summary>
    /// <exception cref="ArgumentException">Duplicate ids, unknown references, a position outside its issue's scale,
    /// salience outside [0, 1] or negative power; the message names the value.</exception>
    public static ExchangeInput Create(IReadOnlyList<string> actorIds, IReadOnlyList<ExchangeIssue> issues, IReadOnlyList<ExchangeValue> values)
    {
        ArgumentNullException.ThrowIfNull(actorIds);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(values);
        var actorSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in actorIds)
        {
            if (!actorSet.Add(a))
            {
                throw new ArgumentException($"Duplicate actor id '{a}'.", nameof(actorIds));
            }
        }

        var issueMap = new Dictionary<string, ExchangeIssue>(StringComparer.Ordinal);
        foreach (var i in issues)
        {
            if (!issueMap.TryAdd(i.Id, i))
            {
                throw new ArgumentException($"Duplicate issue id '{i.Id}'.", nameof(issues));
            }

            if (i.Upper < i.Lower)
            {
                throw new ArgumentException($"Issue '{i.Id}': upper end {i.Upper} is below lower end {i.Lower}.", nameof(issues));
            }
        }

        var seen = new HashSet<(string, string)>();
        foreach (var v in values)
        {
            if (!actorSet.Contains(v.ActorId))
            {
                throw new ArgumentException($"Value {v.ActorId}/{v.IssueId}: unknown actor '{v.ActorId}'.", nameof(values));
            }

            if (!issueMap.TryGetValue(v.IssueId, out var issue))
            {
                throw new ArgumentException($"Value {v.ActorId}/{v.IssueId}: unknown issue '{v.IssueId}'.", nameof(values));
            }

            if (!seen.Add((v.ActorId, v.IssueId)))
            {
                throw new ArgumentException($"Value {v.ActorId}/{v.IssueId} is given twice.", nameof(values));
            }

            if (v.Position < issue.Lower || v.Position > issue.Upper)
            {
                throw new ArgumentException($"Value {v.ActorId}/{v.IssueId}: position {v.Position} is outside the issue's scale [{issue.Lower}, {issue.Upper}].", nameof(values));
            }

            if (v.Salience < 0 || v.Salience > 1)
            {
                throw new ArgumentException($"Value {v.ActorId}/{v.IssueId}: salience {v.Salience} is outside [0, 1].", nameof(values));
            }

            if (v.Power < 0)
            {
                throw new ArgumentException($"Value {v.ActorId}/{v.IssueId}: power {v.Power} is negative; it must be ≥ 0.", nameof(values));
            }
        }

        return new ExchangeInput([.. actorIds], [.. issues], [.. values]);
    }

    /// <summary>
    /// Maps a scenario: issues keep their native scale, salience 0–100 becomes a fraction, power = capability,
    /// abstaining actors are absent on that issue. Each estimate contributes its <paramref name="stat"/>.
    /// Doubles are converted through <see cref="decimal"/> (15 significant digits), so values that came from
    /// short decimal text stay exact.
    /// </summary>
    public static ExchangeInput FromScenario(Scenario scenario, EstimateStat stat = EstimateStat.Mode)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var issues = scenario.Issues.Select(i => new ExchangeIssue(i.Id, ToDecimal(i.ScaleLow), ToDecimal(i.ScaleHigh))).ToList();
        var values = new List<ExchangeValue>();
        foreach (var issue in scenario.Issues)
        {
            foreach (var v in scenario.ValuesOn(issue.Id))
            {
                values.Add(new ExchangeValue(
                    v.ActorId,
                    v.IssueId,
                    ToDecimal(v.Position.Get(stat)),
                    ToDecimal(v.Salience.Get(stat)) / 100m,
                    ToDecimal(v.Capability.Get(stat))));
            }
        }

        // Keep the model's value order actor-major, like a Decide file; only lookups depend on it.
        return Create(scenario.Actors.Select(a => a.Id).ToList(), issues, values);
    }

    private static decimal ToDecimal(double value)
    {
        Guard.Finite(value, nameof(value));
        return (decimal)value;
    }
}
