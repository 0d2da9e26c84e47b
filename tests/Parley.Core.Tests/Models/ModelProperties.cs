using FsCheck;
using FsCheck.Fluent;
using Parley.Core.Models;

namespace Parley.Core.Tests.Models;

/// <summary>FsCheck generators shared by the single-issue model properties.</summary>
internal static class ModelProperties
{
    /// <summary>An issue and a capability factor k ∈ [10⁻³, 10³].</summary>
    public sealed record ScaledIssue(IssueInput Input, double Factor)
    {
        public override string ToString() =>
            $"k={Factor}; x=[{string.Join(",", Input.Positions)}] s=[{string.Join(",", Input.Saliences)}] c=[{string.Join(",", Input.Capabilities)}]";
    }

    /// <summary>An issue and a reordering of its actors.</summary>
    public sealed record ShuffledIssue(IssueInput Input, int[] Order)
    {
        public override string ToString() =>
            $"order=[{string.Join(",", Order)}]; x=[{string.Join(",", Input.Positions)}] s=[{string.Join(",", Input.Saliences)}] c=[{string.Join(",", Input.Capabilities)}]";
    }

    // Fine grids make exact ties (equal weight sums, equal positions) rare: a tie is decided by the last bit of a
    // sum, which reordering or rescaling may legitimately change.
    public static Gen<IssueInput> Issues(int maxActors) =>
        from n in Gen.Choose(1, maxActors)
        from x in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
        from s in Gen.ArrayOf(Gen.Choose(1, 10_000), n)
        from c in Gen.ArrayOf(Gen.Choose(1, 1_000_000), n)
        select IssueInput.Create(
            Enumerable.Range(0, n).Select(i => $"a{i}").ToArray(),
            x.Select(v => v / 10_000.0).ToArray(),
            s.Select(v => v / 100.0).ToArray(),
            c.Select(v => v / 10_000.0).ToArray(),
            0,
            100);

    public static Gen<ScaledIssue> IssuesWithScale(int maxActors) =>
        from input in Issues(maxActors)
        from e in Gen.Choose(-3000, 3000)
        select new ScaledIssue(input, Math.Pow(10, e / 1000.0));

    public static Gen<ShuffledIssue> ShuffledIssues(int maxActors) =>
        from input in Issues(maxActors)
        from order in Gen.Shuffle(Enumerable.Range(0, input.Count).ToArray())
        select new ShuffledIssue(input, order);

    public static IssueInput ScaleCapabilities(IssueInput input, double k) =>
        IssueInput.Create(input.ActorIds, input.Positions, input.Saliences, input.Capabilities.Select(c => c * k).ToArray(), input.ScaleLow, input.ScaleHigh);

    public static IssueInput Reorder(IssueInput input, int[] order) =>
        IssueInput.Create(
            order.Select(i => input.ActorIds[i]).ToArray(),
            order.Select(i => input.Positions[i]).ToArray(),
            order.Select(i => input.Saliences[i]).ToArray(),
            order.Select(i => input.Capabilities[i]).ToArray(),
            input.ScaleLow,
            input.ScaleHigh);

    public static bool RelativelyEqual(double a, double b, double relative) =>
        Math.Abs(a - b) <= relative * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>A seeded random issue on 0–100 with positions on a 0.1 grid (so actors can share positions).</summary>
    public static IssueInput RandomIssue(Random rng, int n)
    {
        var ids = Enumerable.Range(0, n).Select(i => $"a{i}").ToArray();
        var x = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 100, 1)).ToArray();
        var s = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 100).ToArray();
        var c = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        return IssueInput.Create(ids, x, s, c, 0, 100);
    }
}
