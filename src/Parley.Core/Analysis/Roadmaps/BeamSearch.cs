using System.Numerics;

namespace Parley.Core.Analysis.Roadmaps;

/// <summary>
/// Heuristic stage-by-stage beam search. It gives the exact search a good incumbent (so that bounds prune early) and
/// is the answer when the exact search runs out of budget. Half of each beam is chosen by gain so far, half by the
/// upper bound (promise), both with ties broken by the set mask, so that the result is deterministic.
/// </summary>
internal static class BeamSearch
{
    public static Incumbent Run(RoadmapModel m, UpperBound bound, RoadmapOptions options, ref long evaluations)
    {
        var parent = new Dictionary<ulong, (ulong Parent, ulong Package)> { [0] = (0, 0) };
        var frontier = new List<ulong> { 0 };
        var best = Incumbent.Empty;
        var y = new double[m.M];
        var yn = new double[m.M];
        for (var stage = 1; stage <= m.MaxStages && frontier.Count > 0; stage++)
        {
            var candidates = new List<(ulong Set, double Gain, double Bound)>();
            foreach (var set in frontier)
            {
                m.StateOf(set, y);
                foreach (var package in Packages(m, set, y, options.EnumeratedPackageLimit, ref evaluations))
                {
                    var next = set | package;
                    if (parent.TryAdd(next, (set, package)))
                    {
                        var gain = m.Gain(next);
                        m.StateOf(next, yn);
                        candidates.Add((next, gain, bound.Of(next, yn, stage)));
                    }
                }
            }

            foreach (var c in candidates)
            {
                if (best.IsBeatenBy(c.Gain, stage, c.Set))
                {
                    best = new Incumbent(c.Set, c.Gain, Path(parent, c.Set));
                }
            }

            var half = Math.Max(1, options.BeamWidth / 2);
            var chosen = candidates.OrderByDescending(c => c.Gain).ThenBy(c => c.Set).Take(half).Select(c => c.Set).ToList();
            var chosenSet = chosen.ToHashSet();
            chosen.AddRange(candidates
                .Where(c => !chosenSet.Contains(c.Set))
                .OrderByDescending(c => c.Bound).ThenBy(c => c.Set)
                .Take(options.BeamWidth - chosen.Count)
                .Select(c => c.Set));
            frontier = chosen;
        }

        return best;
    }

    /// <summary>The packages leading to <paramref name="set"/>, stage order, from the parent links.</summary>
    public static List<ulong> Path(Dictionary<ulong, (ulong Parent, ulong Package)> parent, ulong set)
    {
        var path = new List<ulong>();
        while (set != 0)
        {
            var (p, package) = parent[set];
            path.Add(package);
            set = p;
        }

        path.Reverse();
        return path;
    }

    // Acceptable packages from `set`: all of them when few enough, else greedy ones (one per seed step, plus the
    // seed's package extended by steps that raise the beneficiary's utility while staying acceptable).
    private static List<ulong> Packages(RoadmapModel m, ulong set, double[] y, int enumerationLimit, ref long evaluations)
    {
        var avail = m.Available(set);
        var count = BitOperations.PopCount(avail);
        var result = new List<ulong>();
        if (PackageCount(count, m.MaxPackage, enumerationLimit) <= enumerationLimit)
        {
            PackageEnumerator.ForEachAcceptable(m, avail, y, ref evaluations, p => result.Add(p));
            return result;
        }

        var after = new double[m.M];
        var trial = new double[m.M];
        var seen = new HashSet<ulong>();
        for (var seed = 0; seed < m.N; seed++)
        {
            if (((avail >> seed) & 1UL) == 0)
            {
                continue;
            }

            var package = 1UL << seed;
            y.CopyTo(after, 0);
            m.AddStep(seed, after);
            evaluations++;
            var ok = m.Acceptable(y, after);
            while (!ok && BitOperations.PopCount(package) < m.MaxPackage)
            {
                // Add the step that leaves the worst-off veto player best off.
                var bestStep = -1;
                var bestMargin = double.NegativeInfinity;
                for (var r = 0; r < m.N; r++)
                {
                    if (((avail >> r) & 1UL) == 0 || ((package >> r) & 1UL) != 0)
                    {
                        continue;
                    }

                    after.CopyTo(trial, 0);
                    m.AddStep(r, trial);
                    evaluations++;
                    var margin = m.MinMargin(y, trial);
                    if (margin > bestMargin)
                    {
                        bestMargin = margin;
                        bestStep = r;
                    }
                }

                if (bestStep < 0)
                {
                    break;
                }

                package |= 1UL << bestStep;
                m.AddStep(bestStep, after);
                ok = bestMargin >= -m.Epsilon;
            }

            if (!ok)
            {
                continue;
            }

            if (seen.Add(package))
            {
                result.Add(package);
            }

            // Extend by the step that raises the beneficiary's utility most while the package stays acceptable.
            while (BitOperations.PopCount(package) < m.MaxPackage)
            {
                var bestStep = -1;
                var bestU = m.Utility(m.Beneficiary, after) + Incumbent.Tolerance;
                for (var r = 0; r < m.N; r++)
                {
                    if (((avail >> r) & 1UL) == 0 || ((package >> r) & 1UL) != 0)
                    {
                        continue;
                    }

                    after.CopyTo(trial, 0);
                    m.AddStep(r, trial);
                    evaluations++;
                    var u = m.Utility(m.Beneficiary, trial);
                    if (u > bestU && m.Acceptable(y, trial))
                    {
                        bestU = u;
                        bestStep = r;
                    }
                }

                if (bestStep < 0)
                {
                    break;
                }

                package |= 1UL << bestStep;
                m.AddStep(bestStep, after);
                if (seen.Add(package))
                {
                    result.Add(package);
                }
            }
        }

        return result;
    }

    // Σ_{j=1..k} C(n, j), saturating above `cap`.
    private static long PackageCount(int n, int k, long cap)
    {
        long total = 0;
        long c = 1;
        for (var j = 1; j <= Math.Min(k, n); j++)
        {
            c = c * (n - j + 1) / j;
            total += c;
            if (total > cap)
            {
                return total;
            }
        }

        return total;
    }
}
