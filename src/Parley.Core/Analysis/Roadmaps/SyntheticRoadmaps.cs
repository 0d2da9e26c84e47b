using System.Globalization;
using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Roadmaps;

/// <summary>
/// Random roadmap problems with a fixed seed, for benchmarks and scaling tests: issues on 0–100, actors with random
/// positions, saliences concentrated on two core issues per actor (so that trades are possible), and steps that are
/// concessions: each moves an issue toward the actor who cares most about it, usually at the owner's cost, so that
/// reciprocal packages are needed. Same seed and sizes give the same problem.
/// </summary>
public static class SyntheticRoadmaps
{
    /// <summary>Builds a problem with <paramref name="steps"/> steps (1–64) over <paramref name="issues"/> issues and <paramref name="actors"/> actors.</summary>
    /// <param name="steps">Number of steps, 1–64.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="issues">Number of issues, ≥ 1.</param>
    /// <param name="actors">Number of actors, ≥ 2; actor <c>a00</c> is the beneficiary; every step owner and <c>a00</c> hold a veto.</param>
    /// <param name="prerequisiteChance">Chance, 0–1, that a step requires an earlier step of the same owner.</param>
    /// <param name="options">Planner options; defaults when null.</param>
    public static RoadmapProblem Create(int steps, int seed, int issues = 6, int actors = 6, double prerequisiteChance = 0.3, RoadmapOptions? options = null)
    {
        Guard.InRange(steps, 1, RoadmapProblem.MaxSteps);
        Guard.Positive(issues);
        Guard.InRange(actors, 2, 64);
        Guard.InRange(prerequisiteChance, 0, 1);
        var rng = new Random(seed);
        var issueList = Enumerable.Range(0, issues)
            .Select(i => new RoadmapIssue(Id("i", i), 0, 100, Math.Round(30 + (30 * rng.NextDouble()))))
            .ToList();
        var actorList = Enumerable.Range(0, actors)
            .Select(a => new RoadmapActor(
                Id("a", a),
                issueList.Select(i => new ActorStance(i.Id, Math.Round(100 * rng.NextDouble()), Math.Round(10 + (30 * rng.NextDouble())))).ToList()))
            .ToList();
        for (var a = 0; a < actors; a++)
        {
            // Two core issues per actor carry most of its salience.
            for (var c = 0; c < 2; c++)
            {
                var i = rng.Next(issues);
                var stances = actorList[a].Stances.ToList();
                stances[i] = stances[i] with { Salience = Math.Round(70 + (30 * rng.NextDouble())) };
                actorList[a] = actorList[a] with { Stances = stances };
            }
        }

        var list = new List<Step>();
        for (var j = 0; j < steps; j++)
        {
            var owner = rng.Next(actors);
            var effectCount = 1 + rng.Next(3);
            var touched = Enumerable.Range(0, issues).OrderBy(_ => rng.Next()).Take(Math.Min(effectCount, issues)).Order();
            var effects = new List<StepEffect>();
            foreach (var i in touched)
            {
                var keen = Enumerable.Range(0, actors).Where(a => a != owner).OrderByDescending(a => actorList[a].Stances[i].Salience).ThenBy(a => a).First();
                var direction = actorList[keen].Stances[i].Position >= issueList[i].Start ? 1 : -1;
                effects.Add(new StepEffect(issueList[i].Id, direction * Math.Round(3 + (12 * rng.NextDouble()))));
            }

            var prerequisites = new List<string>();
            var earlier = list.Where(s => s.Owner == Id("a", owner)).ToList();
            if (earlier.Count > 0 && rng.NextDouble() < prerequisiteChance)
            {
                prerequisites.Add(earlier[rng.Next(earlier.Count)].Id);
            }

            list.Add(new Step(Id("s", j), Id("step ", j), Id("a", owner), effects, prerequisites, rng.NextDouble() < 0.5, Evidence.None));
        }

        var library = StepLibrary.Create($"synthetic-{steps}-{seed}", null, list);
        var veto = RoadmapProblem.DefaultVetoPlayers(library, ["a00"]);
        return new RoadmapProblem(issueList, actorList, library, "a00", veto, options);
    }

    private static string Id(string prefix, int k) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{k:00}");
}
