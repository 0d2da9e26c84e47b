namespace Parley.Core.Analysis.Roadmaps;

/// <summary>
/// Enumerates every package (non-empty subset of the available steps with at most MaxStepsPerPackage steps) in a
/// fixed order (combinations of ascending step index, depth first) and reports the acceptable ones.
/// </summary>
internal static class PackageEnumerator
{
    /// <summary>
    /// Calls <paramref name="onPackage"/> with each package and its unclamped state after the package (a scratch buffer,
    /// valid only during the call); stops early when it returns false. Returns false when stopped early.
    /// </summary>
    public static bool ForEach(RoadmapModel m, ulong avail, double[] before, ref long evaluations, Func<ulong, double[], bool> onPackage)
    {
        var indices = new List<int>();
        for (var j = 0; j < m.N; j++)
        {
            if (((avail >> j) & 1UL) != 0)
            {
                indices.Add(j);
            }
        }

        var depthStates = new double[m.MaxPackage + 1][];
        for (var d = 0; d <= m.MaxPackage; d++)
        {
            depthStates[d] = new double[m.M];
        }

        before.CopyTo(depthStates[0], 0);
        var count = evaluations;
        var completed = Recurse(m, indices, 0, 0, 0UL, depthStates, before, ref count, onPackage);
        evaluations = count;
        return completed;
    }

    /// <summary>Collects every acceptable package.</summary>
    public static void ForEachAcceptable(RoadmapModel m, ulong avail, double[] before, ref long evaluations, Action<ulong> onAcceptable)
    {
        var vetoBefore = new double[m.Veto.Length];
        m.VetoUtilities(before, vetoBefore);
        ForEach(m, avail, before, ref evaluations, (p, after) =>
        {
            if (m.AcceptableFrom(vetoBefore, after))
            {
                onAcceptable(p);
            }

            return true;
        });
    }

    // onPackage returns true to continue, false to stop the whole enumeration.
    private static bool Recurse(RoadmapModel m, List<int> indices, int from, int depth, ulong package, double[][] states, double[] before, ref long evaluations, Func<ulong, double[], bool> onPackage)
    {
        if (depth == m.MaxPackage)
        {
            return true;
        }

        for (var k = from; k < indices.Count; k++)
        {
            var j = indices[k];
            var next = states[depth + 1];
            states[depth].CopyTo(next, 0);
            m.AddStep(j, next);
            var p = package | (1UL << j);
            evaluations++;
            if (!onPackage(p, next))
            {
                return false;
            }

            if (!Recurse(m, indices, k + 1, depth + 1, p, states, before, ref evaluations, onPackage))
            {
                return false;
            }
        }

        return true;
    }
}
