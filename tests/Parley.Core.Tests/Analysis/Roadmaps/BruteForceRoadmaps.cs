using Parley.Core.Analysis.Roadmaps;

namespace Parley.Core.Tests.Analysis.Roadmaps;

/// <summary>
/// Reference planner for small libraries: tries every sequence of packages (every ordering and every grouping of every
/// subset of steps) without memoisation or bounds, with its own utility code written from the documented formula.
/// </summary>
internal static class BruteForceRoadmaps
{
    /// <summary>The best beneficiary gain and the number of acceptable sequences that take every step.</summary>
    public static (double BestGain, int FullSequences, List<List<string>> AnyFullSequence) Solve(RoadmapProblem p)
    {
        var steps = p.Library.Steps;
        var startU = Utility(p, p.Beneficiary, []);
        var best = 0.0;
        var full = 0;
        List<List<string>> firstFull = [];
        var taken = new List<string>();
        var sequence = new List<List<string>>();

        void Explore(int stagesUsed)
        {
            best = Math.Max(best, Utility(p, p.Beneficiary, taken) - startU);
            if (taken.Count == steps.Count)
            {
                full++;
                if (firstFull.Count == 0)
                {
                    firstFull = sequence.Select(s => s.ToList()).ToList();
                }
            }

            if (stagesUsed == p.Options.MaxStages)
            {
                return;
            }

            var available = steps.Where(s => !taken.Contains(s.Id) && s.Prerequisites.All(taken.Contains)).Select(s => s.Id).ToList();
            var n = available.Count;
            for (var mask = 1; mask < 1 << n; mask++)
            {
                var package = Enumerable.Range(0, n).Where(k => ((mask >> k) & 1) != 0).Select(k => available[k]).ToList();
                if (package.Count > p.Options.MaxStepsPerPackage)
                {
                    continue;
                }

                var after = taken.Concat(package).ToList();
                if (p.VetoPlayers.Any(v => Utility(p, v, after) - Utility(p, v, taken) < -p.Options.Epsilon))
                {
                    continue;
                }

                taken.AddRange(package);
                sequence.Add(package);
                Explore(stagesUsed + 1);
                sequence.RemoveAt(sequence.Count - 1);
                taken.RemoveRange(taken.Count - package.Count, package.Count);
            }
        }

        Explore(0);
        return (best, full, firstFull);
    }

    /// <summary>U_a = −Σ s·|clamp(start + Σ shifts) − x| / span / Σ s.</summary>
    public static double Utility(RoadmapProblem p, string actorId, IReadOnlyCollection<string> stepIds)
    {
        var actor = p.Actors.Single(a => a.Id == actorId);
        var total = actor.Stances.Sum(s => s.Salience);
        if (total == 0)
        {
            return 0;
        }

        var u = 0.0;
        foreach (var stance in actor.Stances)
        {
            var issue = p.Issues.Single(i => i.Id == stance.IssueId);
            var y = issue.Start + stepIds.Sum(id => p.Library.Find(id)!.ShiftOn(issue.Id));
            y = Math.Min(issue.ScaleHigh, Math.Max(issue.ScaleLow, y));
            u -= stance.Salience * Math.Abs(y - stance.Position) / (issue.ScaleHigh - issue.ScaleLow);
        }

        return u / total;
    }
}
