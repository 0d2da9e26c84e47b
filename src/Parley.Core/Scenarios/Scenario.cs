using Parley.Core.Models;

namespace Parley.Core.Scenarios;

/// <summary>
/// A negotiation: issues, actors, each actor's numbers per issue, and named variants. Immutable.
/// A scenario is built by a loader that has already validated it; constructing one directly does not validate.
/// </summary>
public sealed class Scenario
{
    private readonly Dictionary<(string Actor, string Issue), ActorIssueValue> _values;

    public Scenario(
        string id,
        string name,
        ScenarioMetadata metadata,
        IReadOnlyList<Issue> issues,
        IReadOnlyList<Actor> actors,
        IReadOnlyList<ActorIssueValue> values,
        IReadOnlyList<Variant>? variants = null,
        IReadOnlyList<Prediction>? predictions = null,
        IReadOnlyList<Recommendation>? recommendations = null,
        IReadOnlyList<NotModelled>? notModelled = null,
        string? appliedVariant = null)
    {
        Id = id;
        Name = name;
        Metadata = metadata;
        Issues = issues;
        Actors = actors;
        Values = values;
        Variants = variants ?? [];
        Predictions = predictions ?? [];
        Recommendations = recommendations ?? [];
        NotModelled = notModelled ?? [];
        AppliedVariant = appliedVariant;
        _values = new Dictionary<(string, string), ActorIssueValue>();
        foreach (var v in values)
        {
            _values[(v.ActorId, v.IssueId)] = v;
        }
    }

    public string Id { get; }

    public string Name { get; }

    public ScenarioMetadata Metadata { get; }

    public IReadOnlyList<Issue> Issues { get; }

    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Actor × issue values; a missing pair means the actor abstains from that issue.</summary>
    public IReadOnlyList<ActorIssueValue> Values { get; }

    public IReadOnlyList<Variant> Variants { get; }

    public IReadOnlyList<Prediction> Predictions { get; }

    public IReadOnlyList<Recommendation> Recommendations { get; }

    public IReadOnlyList<NotModelled> NotModelled { get; }

    /// <summary>The variant whose deltas produced this scenario, or null for the baseline.</summary>
    public string? AppliedVariant { get; }

    /// <summary>The issue with <paramref name="id"/>, or null.</summary>
    public Issue? FindIssue(string id) => Issues.FirstOrDefault(i => i.Id == id);

    /// <summary>The actor with <paramref name="id"/>, or null.</summary>
    public Actor? FindActor(string id) => Actors.FirstOrDefault(a => a.Id == id);

    /// <summary>The variant with <paramref name="id"/>, or null.</summary>
    public Variant? FindVariant(string id) => Variants.FirstOrDefault(v => v.Id == id);

    /// <summary>The value of <paramref name="actorId"/> on <paramref name="issueId"/>, or null when it abstains.</summary>
    public ActorIssueValue? FindValue(string actorId, string issueId) => _values.GetValueOrDefault((actorId, issueId));

    /// <summary>Values on one issue, in actor order (abstaining actors skipped).</summary>
    public IReadOnlyList<ActorIssueValue> ValuesOn(string issueId)
    {
        var list = new List<ActorIssueValue>();
        foreach (var actor in Actors)
        {
            if (_values.TryGetValue((actor.Id, issueId), out var v))
            {
                list.Add(v);
            }
        }

        return list;
    }

    /// <summary>
    /// Applies a variant by id. <c>baseline</c> (or null) returns this scenario unchanged, even when the file
    /// declares a <c>baseline</c> variant without deltas.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such variant; the message lists the known ones.</exception>
    public Scenario WithVariant(string? variantId)
    {
        if (variantId is null)
        {
            return this;
        }

        var variant = FindVariant(variantId);
        if (variant is null)
        {
            if (variantId == "baseline")
            {
                return this;
            }

            var known = Variants.Count == 0 ? "none" : string.Join(", ", Variants.Select(v => v.Id));
            throw new KeyNotFoundException($"Unknown variant '{variantId}'. Known variants: {known}.");
        }

        return Apply(variant.Deltas, variant.Id);
    }

    /// <summary>Applies deltas in order and returns the changed scenario.</summary>
    public Scenario Apply(IEnumerable<Delta> deltas, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var actors = Actors.ToList();
        var values = new Dictionary<(string, string), ActorIssueValue>(_values);
        var order = Values.Select(v => (v.ActorId, v.IssueId)).ToList();
        foreach (var delta in deltas)
        {
            switch (delta)
            {
                case SetValueDelta set:
                    if (values.TryGetValue((set.ActorId, set.IssueId), out var existing))
                    {
                        values[(set.ActorId, set.IssueId)] = existing.With(set.Field, set.Value);
                    }
                    else
                    {
                        // A set on an abstaining actor creates its value; unspecified fields start at zero
                        // (the validator insists that a variant sets all three in that case).
                        var created = new ActorIssueValue(set.ActorId, set.IssueId, default, default, default, Evidence.None).With(set.Field, set.Value);
                        values[(set.ActorId, set.IssueId)] = created;
                        order.Add((set.ActorId, set.IssueId));
                    }

                    break;
                case RenameActorDelta rename:
                    var idx = actors.FindIndex(a => a.Id == rename.ActorId);
                    if (idx < 0)
                    {
                        throw new KeyNotFoundException($"Cannot rename unknown actor '{rename.ActorId}'.");
                    }

                    actors[idx] = actors[idx] with { Name = rename.Name };
                    break;
                case AddActorDelta add:
                    actors.Add(add.Actor);
                    foreach (var v in add.Values)
                    {
                        values[(v.ActorId, v.IssueId)] = v;
                        order.Add((v.ActorId, v.IssueId));
                    }

                    break;
                case RemoveActorDelta remove:
                    actors.RemoveAll(a => a.Id == remove.ActorId);
                    foreach (var key in values.Keys.Where(k => k.Item1 == remove.ActorId).ToList())
                    {
                        values.Remove(key);
                    }

                    break;
                default:
                    throw new NotSupportedException($"Unknown delta type {delta.GetType().Name}.");
            }
        }

        var ordered = order.Distinct().Where(values.ContainsKey).Select(k => values[k]).ToList();
        return new Scenario(Id, Name, Metadata, Issues, actors, ordered, Variants, Predictions, Recommendations, NotModelled, label ?? AppliedVariant);
    }

    /// <summary>
    /// Builds a model input for one issue from each value's <paramref name="stat"/> (the mode by default).
    /// Abstaining actors are left out.
    /// </summary>
    public IssueInput ToIssueInput(string issueId, EstimateStat stat = EstimateStat.Mode)
    {
        var issue = FindIssue(issueId) ?? throw new KeyNotFoundException($"Unknown issue '{issueId}'.");
        var vals = ValuesOn(issueId);
        var input = new IssueInput(vals.Select(v => v.ActorId).ToArray(), issue.ScaleLow, issue.ScaleHigh);
        for (var k = 0; k < vals.Count; k++)
        {
            input.Positions[k] = vals[k].Position.Get(stat);
            input.Saliences[k] = vals[k].Salience.Get(stat);
            input.Capabilities[k] = vals[k].Capability.Get(stat);
        }

        return input;
    }
}
