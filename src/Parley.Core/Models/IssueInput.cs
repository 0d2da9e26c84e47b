namespace Parley.Core.Models;

/// <summary>
/// The numbers one single-issue model needs: for each participating actor a position, salience and
/// capability, plus the issue's scale. Arrays are owned by the input and may be overwritten in place by
/// a Monte Carlo worker between solves (that is why they are exposed as arrays, not copies).
/// </summary>
/// <remarks>
/// Units: positions are in the issue's native units and lie within [<see cref="ScaleLow"/>, <see cref="ScaleHigh"/>];
/// salience is on 0–100 (models that need a probability divide by 100); capability is ≥ 0 on a ratio scale.
/// Actors that abstain from the issue are simply not in the arrays. Not thread-safe.
/// </remarks>
public sealed class IssueInput
{
    /// <summary>Creates an input over <paramref name="actorIds"/>.Length actors with zeroed values.</summary>
    /// <param name="actorIds">Actor ids, in a stable order (models break ties by this index).</param>
    /// <param name="scaleLow">Lower end of the issue's scale, native units.</param>
    /// <param name="scaleHigh">Upper end of the issue's scale, native units; ≥ <paramref name="scaleLow"/>.</param>
    public IssueInput(IReadOnlyList<string> actorIds, double scaleLow, double scaleHigh)
    {
        ArgumentNullException.ThrowIfNull(actorIds);
        Guard.Finite(scaleLow, nameof(scaleLow));
        Guard.Finite(scaleHigh, nameof(scaleHigh));
        if (scaleHigh < scaleLow)
        {
            throw new ArgumentOutOfRangeException(nameof(scaleHigh), scaleHigh, $"Scale end {scaleHigh} must not be below its start {scaleLow}.");
        }

        ActorIds = actorIds;
        ScaleLow = scaleLow;
        ScaleHigh = scaleHigh;
        Positions = new double[actorIds.Count];
        Saliences = new double[actorIds.Count];
        Capabilities = new double[actorIds.Count];
    }

    /// <summary>Creates a filled input; the arrays are copied.</summary>
    public static IssueInput Create(IReadOnlyList<string> actorIds, double[] positions, double[] saliences, double[] capabilities, double scaleLow, double scaleHigh)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(saliences);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (positions.Length != actorIds.Count || saliences.Length != actorIds.Count || capabilities.Length != actorIds.Count)
        {
            throw new ArgumentException($"Expected {actorIds.Count} positions, saliences and capabilities; got {positions.Length}, {saliences.Length} and {capabilities.Length}.");
        }

        var input = new IssueInput(actorIds, scaleLow, scaleHigh);
        positions.CopyTo(input.Positions, 0);
        saliences.CopyTo(input.Saliences, 0);
        capabilities.CopyTo(input.Capabilities, 0);
        return input;
    }

    /// <summary>Creates an input whose scale is the range of the given positions (a CSV without a declared scale).</summary>
    public static IssueInput CreateOnPositionRange(IReadOnlyList<string> actorIds, double[] positions, double[] saliences, double[] capabilities)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var lo = positions.Length == 0 ? 0 : positions.Min();
        var hi = positions.Length == 0 ? 0 : positions.Max();
        return Create(actorIds, positions, saliences, capabilities, lo, hi);
    }

    /// <summary>Number of participating actors.</summary>
    public int Count => ActorIds.Count;

    /// <summary>Participating actors' ids; index i of every array belongs to <c>ActorIds[i]</c>.</summary>
    public IReadOnlyList<string> ActorIds { get; }

    /// <summary>Positions in native units.</summary>
    public double[] Positions { get; }

    /// <summary>Saliences on 0–100.</summary>
    public double[] Saliences { get; }

    /// <summary>Capabilities, ≥ 0, ratio scale.</summary>
    public double[] Capabilities { get; }

    /// <summary>Lower end of the declared scale (native units).</summary>
    public double ScaleLow { get; }

    /// <summary>Upper end of the declared scale (native units).</summary>
    public double ScaleHigh { get; }

    /// <summary>Deep copy (for traces that must not see later in-place changes).</summary>
    public IssueInput Clone() => Create(ActorIds, Positions, Saliences, Capabilities, ScaleLow, ScaleHigh);
}
