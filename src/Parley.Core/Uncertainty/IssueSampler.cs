using Parley.Core.Models;
using Parley.Core.Numerics.Random;
using Parley.Core.Scenarios;

namespace Parley.Core.Uncertainty;

/// <summary>
/// Everything needed to fill an <see cref="IssueInput"/> with one Monte Carlo draw of one issue: the participating
/// actors, their estimates and the stream key of every (actor, issue, field). Immutable and thread-safe; the inputs
/// it fills are not.
/// </summary>
public sealed class IssueSampler
{
    private readonly Estimate[] _estimates;
    // Stream keys of each slot, already through CounterRandom.PrepareKey.
    private readonly ulong[] _keys;

    /// <summary>Prepares sampling of <paramref name="issueId"/> in <paramref name="scenario"/> (a variant already applied).</summary>
    /// <exception cref="KeyNotFoundException">No such issue.</exception>
    public IssueSampler(Scenario scenario, string issueId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(issueId);
        Issue = scenario.FindIssue(issueId) ?? throw new KeyNotFoundException($"Unknown issue '{issueId}'.");
        var values = scenario.ValuesOn(issueId);
        ActorIds = values.Select(v => v.ActorId).ToArray();
        _estimates = new Estimate[values.Count * 3];
        _keys = new ulong[values.Count * 3];
        var inputs = new List<RangedInput>();
        for (var a = 0; a < values.Count; a++)
        {
            foreach (var field in Fields)
            {
                var slot = (a * 3) + (int)field;
                var e = values[a].Get(field);
                _estimates[slot] = e;
                _keys[slot] = CounterRandom.PrepareKey(RangedInput.StreamKey(values[a].ActorId, issueId, field));
                if (!e.IsPoint)
                {
                    inputs.Add(new RangedInput(values[a].ActorId, issueId, field, e));
                }
            }
        }

        RangedInputs = inputs;
    }

    /// <summary>The three fields in slot order.</summary>
    internal static ValueField[] Fields { get; } = [ValueField.Position, ValueField.Salience, ValueField.Capability];

    /// <summary>The issue.</summary>
    public Issue Issue { get; }

    /// <summary>Participating actors, in scenario order (abstaining actors left out).</summary>
    public IReadOnlyList<string> ActorIds { get; }

    /// <summary>Number of participating actors.</summary>
    public int ActorCount => ActorIds.Count;

    /// <summary>The values that have a range (low &lt; high), in actor order then position, salience, capability.</summary>
    public IReadOnlyList<RangedInput> RangedInputs { get; }

    /// <summary>A new input with every value at its mode.</summary>
    public IssueInput CreateInput()
    {
        var input = new IssueInput(ActorIds, Issue.ScaleLow, Issue.ScaleHigh);
        SetModes(input);
        return input;
    }

    /// <summary>Sets every value of <paramref name="input"/> (created by <see cref="CreateInput"/>) to its mode.</summary>
    public void SetModes(IssueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var a = 0; a < ActorCount; a++)
        {
            input.Positions[a] = EstimateSampler.Clamp(_estimates[a * 3].Mode, ValueField.Position, Issue.ScaleLow, Issue.ScaleHigh);
            input.Saliences[a] = EstimateSampler.Clamp(_estimates[(a * 3) + 1].Mode, ValueField.Salience, Issue.ScaleLow, Issue.ScaleHigh);
            input.Capabilities[a] = EstimateSampler.Clamp(_estimates[(a * 3) + 2].Mode, ValueField.Capability, Issue.ScaleLow, Issue.ScaleHigh);
        }
    }

    /// <summary>
    /// Overwrites <paramref name="input"/> with draw <paramref name="draw"/>: each value comes from the stream of
    /// (seed, draw, actor/issue/field), so it does not depend on the order of filling or on other actors. Allocates nothing.
    /// </summary>
    /// <param name="input">An input created by <see cref="CreateInput"/>.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="draw">The draw index, ≥ 0.</param>
    /// <param name="distribution">Triangular or PERT.</param>
    public void Fill(IssueInput input, ulong seed, long draw, SamplingDistribution distribution)
    {
        var drawKey = CounterRandom.IndexKey(seed, draw);
        var positions = input.Positions;
        var saliences = input.Saliences;
        var capabilities = input.Capabilities;
        var lo = Issue.ScaleLow;
        var hi = Issue.ScaleHigh;
        for (var a = 0; a < positions.Length; a++)
        {
            var slot = a * 3;
            var random = CounterRandom.ForPreparedKey(drawKey, _keys[slot]);
            positions[a] = EstimateSampler.Sample(in _estimates[slot], distribution, ref random, ValueField.Position, lo, hi);
            random = CounterRandom.ForPreparedKey(drawKey, _keys[slot + 1]);
            saliences[a] = EstimateSampler.Sample(in _estimates[slot + 1], distribution, ref random, ValueField.Salience, lo, hi);
            random = CounterRandom.ForPreparedKey(drawKey, _keys[slot + 2]);
            capabilities[a] = EstimateSampler.Sample(in _estimates[slot + 2], distribution, ref random, ValueField.Capability, lo, hi);
        }
    }

    /// <summary>Sets one value of <paramref name="input"/> (clamped to its domain).</summary>
    /// <param name="input">An input created by <see cref="CreateInput"/>.</param>
    /// <param name="actorIndex">Index into <see cref="ActorIds"/>.</param>
    /// <param name="field">Which value.</param>
    /// <param name="value">The value before clamping.</param>
    public void Set(IssueInput input, int actorIndex, ValueField field, double value)
    {
        ArgumentNullException.ThrowIfNull(input);
        value = EstimateSampler.Clamp(value, field, Issue.ScaleLow, Issue.ScaleHigh);
        switch (field)
        {
            case ValueField.Position:
                input.Positions[actorIndex] = value;
                break;
            case ValueField.Salience:
                input.Saliences[actorIndex] = value;
                break;
            default:
                input.Capabilities[actorIndex] = value;
                break;
        }
    }

    /// <summary>Index of <paramref name="actorId"/> in <see cref="ActorIds"/>, or −1.</summary>
    public int IndexOf(string actorId)
    {
        for (var a = 0; a < ActorIds.Count; a++)
        {
            if (ActorIds[a] == actorId)
            {
                return a;
            }
        }

        return -1;
    }
}
