namespace Parley.Core.Analysis.Roadmaps;

/// <summary>
/// Exact search: breadth-first over the step sets reachable by acceptable packages, stage by stage. A set's future
/// depends only on the set and the stages left, so each set is expanded once, at the first (smallest) stage that
/// reaches it; a set is not expanded when the upper bound for all its supersets does not exceed the incumbent's gain. When it
/// completes within budget, the incumbent it returns is optimal: every reachable set that could beat it was reached.
/// </summary>
internal static class ExactSearch
{
    public static (Incumbent Best, bool Completed, long States) Run(RoadmapModel m, UpperBound bound, RoadmapOptions options, Incumbent incumbent, ref long evaluations)
    {
        var parent = new Dictionary<ulong, (ulong Parent, ulong Package)> { [0] = (0, 0) };
        var frontier = new List<ulong> { 0 };
        var best = incumbent;
        var y = new double[m.M];
        var vetoBefore = new double[m.Veto.Length];
        var budget = evaluations + options.ExactEvaluationBudget;
        if (best.Gain >= bound.Root - Incumbent.Tolerance)
        {
            // The incumbent already reaches the root bound: nothing can beat it.
            return (best, true, 1);
        }

        for (var stage = 1; stage <= m.MaxStages && frontier.Count > 0; stage++)
        {
            var next = new List<ulong>();
            foreach (var set in frontier)
            {
                m.StateOf(set, y);
                // Supersets cannot beat the incumbent by more than the tie tolerance: skip them (so among equally good
                // roadmaps the first met in search order is kept).
                if (bound.Of(set, y, stage - 1) <= best.Gain + Incumbent.Tolerance)
                {
                    continue;
                }

                m.VetoUtilities(y, vetoBefore);
                var avail = m.Available(set);
                var stageBest = best;
                var overBudget = false;
                var completed = PackageEnumerator.ForEach(m, avail, y, ref evaluations, (package, after) =>
                {
                    var s = set | package;
                    if (!m.AcceptableFrom(vetoBefore, after) || parent.ContainsKey(s))
                    {
                        return true;
                    }

                    if (parent.Count >= options.ExactStateBudget)
                    {
                        overBudget = true;
                        return false;
                    }

                    parent[s] = (set, package);
                    next.Add(s);
                    var gain = m.Utility(m.Beneficiary, after) - m.StartUtility[m.Beneficiary];
                    if (stageBest.IsBeatenBy(gain, stage, s))
                    {
                        stageBest = new Incumbent(s, gain, BeamSearch.Path(parent, s));
                    }

                    return true;
                });
                best = stageBest;
                if (best.Gain >= bound.Root - Incumbent.Tolerance)
                {
                    return (best, true, parent.Count);
                }

                if (!completed || overBudget || evaluations > budget)
                {
                    return (best, false, parent.Count);
                }
            }

            // Ascending masks: the expansion order, hence parent links and tie-breaks, do not depend on hash order.
            next.Sort();
            frontier = next;
        }

        return (best, true, parent.Count);
    }
}
