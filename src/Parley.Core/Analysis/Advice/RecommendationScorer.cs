using Parley.Core.Models;
using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Advice;

/// <summary>
/// Scores a scenario's recommendations for an advisee: each recommendation's moves are applied to the variant it names
/// (<see cref="Recommendation.EvaluateIn"/>, else the baseline), and the change of every issue's forecast is taken
/// draw by draw against that variant. Only the issues the moves touch are simulated; on the others the paired draws
/// are identical, so their change is exactly 0. Deterministic and thread-safe.
/// </summary>
public static class RecommendationScorer
{
    /// <summary>Scores every recommendation of <paramref name="scenario"/>, in file order.</summary>
    /// <param name="scenario">The scenario as loaded (each recommendation picks its own variant).</param>
    /// <param name="adviseeId">The actor whose positions "toward" and the gain refer to.</param>
    /// <param name="models">The models.</param>
    /// <param name="options">Scope issues and Monte Carlo settings (the lever settings are not used).</param>
    /// <param name="progress">Optional; completed share in [0, 1].</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <exception cref="KeyNotFoundException">Unknown actor, issue or variant.</exception>
    public static IReadOnlyList<RecommendationScore> Score(Scenario scenario, string adviseeId, IReadOnlyList<IIssueModel> models, AdviceOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var evaluators = new Dictionary<string, AdviceEvaluator>();
        var scores = new List<RecommendationScore>();
        for (var r = 0; r < scenario.Recommendations.Count; r++)
        {
            var rec = scenario.Recommendations[r];
            var variant = rec.EvaluateIn ?? "baseline";
            if (!evaluators.TryGetValue(variant, out var evaluator))
            {
                evaluator = new AdviceEvaluator(scenario.WithVariant(variant), adviseeId, options.IssueIds, models, options.Simulation, cancellationToken);
                evaluators[variant] = evaluator;
            }

            scores.Add(Score(rec, variant, evaluator, cancellationToken));
            progress?.Report((r + 1.0) / scenario.Recommendations.Count);
        }

        progress?.Report(1.0);
        return scores;
    }

    private static RecommendationScore Score(Recommendation rec, string variant, AdviceEvaluator evaluator, CancellationToken cancellationToken)
    {
        var touched = TouchedIssues(rec.Moves, evaluator.Baseline);
        var changedScenario = evaluator.Baseline.Apply(rec.Moves);
        var simulated = evaluator.Frames
            .Where(f => touched.Contains(f.Id) && evaluator.BaselineDraws(f.Id) is not null && changedScenario.ValuesOn(f.Id).Count > 0)
            .Select(f => f.Id)
            .ToList();
        var draws = evaluator.Simulate(simulated.Select(id => new IssueJob(id, rec.Moves)).ToList(), null, cancellationToken);
        var models = evaluator.Models;
        var effects = new List<IssueEffect>();
        var gain = new double[models.Count][];
        for (var m = 0; m < models.Count; m++)
        {
            gain[m] = new double[evaluator.Draws];
        }

        foreach (var frame in evaluator.Frames)
        {
            var baseline = evaluator.BaselineDraws(frame.Id);
            var k = simulated.IndexOf(frame.Id);
            if (baseline is null)
            {
                continue;
            }

            double[][]? contribution = k >= 0 ? evaluator.Contribution(frame.Id, draws[k]) : null;
            for (var m = 0; m < models.Count; m++)
            {
                var id = models[m].Id;
                var baseMean = baseline[m].Average();
                if (k < 0)
                {
                    effects.Add(new IssueEffect(frame.Id, id, false, baseMean, GainEstimate.Zero(id), frame.AdviseePosition is null ? null : GainEstimate.Zero(id)));
                    continue;
                }

                var changed = draws[k][m];
                var change = new double[changed.Length];
                var toward = new double[changed.Length];
                var x = frame.AdviseePosition ?? 0;
                for (var d = 0; d < change.Length; d++)
                {
                    change[d] = changed[d] - baseline[m][d];
                    toward[d] = Math.Abs(baseline[m][d] - x) - Math.Abs(changed[d] - x);
                    gain[m][d] += contribution![m][d];
                }

                effects.Add(new IssueEffect(frame.Id, id, true, baseMean, GainEstimate.From(id, change), frame.AdviseePosition is null ? null : GainEstimate.From(id, toward)));
            }
        }

        var gains = models.Select((model, m) => GainEstimate.From(model.Id, gain[m])).ToList();
        return new RecommendationScore(rec, variant, effects, gains);
    }

    /// <summary>Issues whose values the deltas change: a set touches its issue; adding or removing an actor touches every issue.</summary>
    private static HashSet<string> TouchedIssues(IReadOnlyList<Delta> moves, Scenario scenario)
    {
        var touched = new HashSet<string>();
        foreach (var move in moves)
        {
            switch (move)
            {
                case SetValueDelta set:
                    touched.Add(set.IssueId);
                    break;
                case AddActorDelta or RemoveActorDelta:
                    touched.UnionWith(scenario.Issues.Select(i => i.Id));
                    break;
            }
        }

        return touched;
    }
}
