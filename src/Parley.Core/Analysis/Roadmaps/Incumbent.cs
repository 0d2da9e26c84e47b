using System.Numerics;

namespace Parley.Core.Analysis.Roadmaps;

/// <summary>The best roadmap found so far: its packages in stage order, final set and gain.</summary>
internal sealed record Incumbent(ulong Set, double Gain, IReadOnlyList<ulong> Packages)
{
    /// <summary>Gains closer than this are ties, settled by the deterministic tie-break.</summary>
    public const double Tolerance = 1e-9;

    public static Incumbent Empty { get; } = new(0, 0, []);

    /// <summary>
    /// True when a roadmap with <paramref name="gain"/>, <paramref name="stages"/> and final <paramref name="set"/> beats this one:
    /// a higher gain (by more than <see cref="Tolerance"/>), else fewer stages, else fewer steps, else the set whose
    /// smallest differing step id belongs to it.
    /// </summary>
    public bool IsBeatenBy(double gain, int stages, ulong set)
    {
        if (gain > Gain + Tolerance)
        {
            return true;
        }

        if (gain < Gain - Tolerance)
        {
            return false;
        }

        if (stages != Packages.Count)
        {
            return stages < Packages.Count;
        }

        var count = BitOperations.PopCount(set);
        var mine = BitOperations.PopCount(Set);
        if (count != mine)
        {
            return count < mine;
        }

        var diff = set ^ Set;
        return diff != 0 && (set & (diff & (~diff + 1))) != 0;
    }
}
