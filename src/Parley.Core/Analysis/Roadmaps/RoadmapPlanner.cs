using System.Numerics;

namespace Parley.Core.Analysis.Roadmaps;

/// <summary>
/// Plans a staged roadmap of reciprocal packages: the order of steps such that after every stage each veto player is
/// at least as well off as before it (margin ≥ −ε) and the beneficiary's final gain is as large as possible.
/// </summary>
/// <remarks>
/// The final state depends only on the set of steps taken (effects add up; the sum is clamped to each scale), so the
/// objective is a function of the final set and the stages only have to exist. The planner runs a beam search for a
/// good incumbent, then an exact breadth-first search over reachable sets with branch-and-bound pruning. If the exact
/// search finishes within <see cref="RoadmapOptions.ExactEvaluationBudget"/> the answer is optimal; otherwise it is
/// the best found and <see cref="RoadmapSearchReport.Gap"/> bounds how far it may be from the optimum.
/// Deterministic: among roadmaps met during the search with equal gain (within 1e-9) it keeps the one with fewer
/// stages, then fewer steps, then the smallest step ids; once no superset can beat the best by more than 1e-9 the
/// search stops looking for tie-breaks. Thread-safe (no shared state).
/// </remarks>
public static class RoadmapPlanner
{
    /// <summary>Plans a roadmap for <paramref name="problem"/>.</summary>
    public static RoadmapResult Plan(RoadmapProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var m = new RoadmapModel(problem);
        var bound = new UpperBound(m);
        long evaluations = 0;
        var beam = BeamSearch.Run(m, bound, problem.Options, ref evaluations);
        var (best, completed, states) = ExactSearch.Run(m, bound, problem.Options, beam, ref evaluations);
        var upper = Math.Max(bound.Root, best.Gain);
        var proven = completed || upper - best.Gain <= Incumbent.Tolerance;
        var report = new RoadmapSearchReport(
            proven,
            completed ? best.Gain : upper,
            proven ? 0 : upper - best.Gain,
            completed ? "exact" : "heuristic",
            states,
            evaluations);
        return Describe(m, best, report);
    }

    private static RoadmapResult Describe(RoadmapModel m, Incumbent best, RoadmapSearchReport report)
    {
        var p = m.Problem;
        var steps = p.Library.Steps;
        var found = best.Gain > Incumbent.Tolerance && best.Packages.Count > 0;
        var packages = found ? best.Packages : [];
        var finalSet = found ? best.Set : 0UL;
        var stages = new List<RoadmapStage>();
        var before = new double[m.M];
        var after = new double[m.M];
        m.Start.CopyTo(before, 0);
        var set = 0UL;
        for (var k = 0; k < packages.Count; k++)
        {
            set |= packages[k];
            m.StateOf(set, after);
            var ids = Members(packages[k]).Select(j => steps[j].Id).ToList();
            stages.Add(new RoadmapStage(
                k + 1,
                ids,
                Members(packages[k]).Select(j => steps[j].Owner).Distinct().Order(StringComparer.Ordinal).ToList(),
                Members(packages[k]).Where(j => !steps[j].Reversible).Select(j => steps[j].Id).ToList(),
                Outcomes(m, after),
                Margins(m, before, after)));
            after.CopyTo(before, 0);
        }

        var start = m.Start.ToArray();
        m.StateOf(finalSet, after);
        return new RoadmapResult(
            found ? RoadmapStatus.Found : RoadmapStatus.Blocked,
            p.Beneficiary,
            p.VetoPlayers,
            Outcomes(m, start),
            Outcomes(m, after),
            found ? best.Gain : 0,
            stages,
            Margins(m, start, after),
            Exclusions(m, finalSet, after),
            report);
    }

    private static List<StepExclusion> Exclusions(RoadmapModel m, ulong finalSet, double[] final)
    {
        var steps = m.Problem.Library.Steps;
        var list = new List<StepExclusion>();
        var trial = new double[m.M];
        var uFinal = m.Utility(m.Beneficiary, final);
        for (var j = 0; j < m.N; j++)
        {
            if (((finalSet >> j) & 1UL) != 0)
            {
                continue;
            }

            var package = m.Closure[j] & ~finalSet;
            final.CopyTo(trial, 0);
            foreach (var r in Members(package))
            {
                m.AddStep(r, trial);
            }

            var blockers = Margins(m, final, trial)
                .Where(x => x.IsVetoPlayer && x.Margin < -m.Epsilon)
                .OrderBy(x => x.Margin)
                .ThenBy(x => x.ActorId, StringComparer.Ordinal)
                .ToList();
            var gain = m.Utility(m.Beneficiary, trial) - uFinal;
            var reason = blockers.Count > 0 ? ExclusionReason.VetoRejects
                : gain <= Incumbent.Tolerance ? ExclusionReason.NoGainForBeneficiary
                : ExclusionReason.OutsideLimits;
            list.Add(new StepExclusion(steps[j].Id, reason, Members(package).Select(r => steps[r].Id).ToList(), gain, blockers));
        }

        return list;
    }

    private static List<PartyMargin> Margins(RoadmapModel m, double[] before, double[] after)
    {
        var actors = m.Problem.Actors;
        var veto = new HashSet<int>(m.Veto);
        return actors.Select((a, k) => new PartyMargin(a.Id, veto.Contains(k), m.Utility(k, before), m.Utility(k, after))).ToList();
    }

    private static List<IssueOutcome> Outcomes(RoadmapModel m, double[] y) =>
        m.Problem.Issues.Select((issue, i) => new IssueOutcome(issue.Id, m.Clamp(i, y[i]))).ToList();

    private static IEnumerable<int> Members(ulong set)
    {
        while (set != 0)
        {
            var j = BitOperations.TrailingZeroCount(set);
            yield return j;
            set &= set - 1;
        }
    }
}
