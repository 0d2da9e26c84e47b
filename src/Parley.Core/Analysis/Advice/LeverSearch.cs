using Parley.Core.Models;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;

namespace Parley.Core.Analysis.Advice;

/// <summary>
/// Searches for the advisee's best levers: its own moves (concede toward the forecast, raise its salience),
/// persuading another actor to move its position toward the advisee's or to change its salience, and pairs of the
/// best single moves. Each lever is scored by its gain (see <see cref="LeverResult"/>) over paired Monte Carlo draws
/// under every model, and ranked by expected gain per unit of cost (<see cref="LeverCost"/>).
/// </summary>
/// <remarks>
/// Candidates (m = most-likely value, x = advisee's most-likely position, F̄ = baseline forecast averaged over models
/// and draws, Δ = each position shift in percent of span, S = the salience shift):
/// <list type="bullet">
/// <item>concede: the advisee's position toward F̄ by min(Δ, |F̄ − x|);</item>
/// <item>raise own salience: + min(S, 100 − s);</item>
/// <item>persuade position: another actor's position toward x by min(Δ, |x − m|);</item>
/// <item>persuade salience: another actor's salience + min(S, 100 − s) when it sits closer to x than F̄ does (it
/// pulls the advisee's way), else − min(S, s).</item>
/// </list>
/// Pairs combine two of the best <see cref="AdviceOptions.PairFromTop"/> singles with a positive expected gain. A pair
/// on two issues needs no simulation: issues are simulated independently, so its per-draw gain is exactly the sum of
/// the singles'. Only a pair on one issue is simulated. Deterministic: the result is a pure function of the inputs,
/// whatever the thread count. Thread-safe.
/// </remarks>
public static class LeverSearch
{
    // Shifts closer than this (native units or salience points) to a previous one on the same value are the same move.
    private const double SameShift = 1e-9;

    /// <summary>Searches and ranks the levers of <paramref name="adviseeId"/>.</summary>
    /// <param name="scenario">The scenario to advise in (a variant already applied if wanted).</param>
    /// <param name="adviseeId">The advised actor.</param>
    /// <param name="models">The models; each lever is scored under each.</param>
    /// <param name="options">Search settings.</param>
    /// <param name="progress">Optional; completed share in [0, 1] (may arrive from worker threads).</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <exception cref="KeyNotFoundException">Unknown actor or issue, or the advisee takes no part in a requested issue.</exception>
    public static LeverSearchResult Search(Scenario scenario, string adviseeId, IReadOnlyList<IIssueModel> models, AdviceOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var evaluator = new AdviceEvaluator(scenario, adviseeId, options.IssueIds, models, options.Simulation, cancellationToken);
        progress?.Report(0.1);

        // Singles: one simulation of one issue each.
        var singles = Candidates(evaluator, options).Select(m => new Lever([m])).Where(l => Affordable(l, options)).ToList();
        var done = 0;
        var totalJobs = Math.Max(1, singles.Count);
        var singleJobs = singles.Select(l => new IssueJob(l.Moves[0].IssueId, [l.Moves[0].ToDelta(scenario)])).ToList();
        var singleDraws = evaluator.Simulate(singleJobs, () => Report(progress, 0.1 + (0.8 * Interlocked.Increment(ref done) / totalJobs)), cancellationToken);
        var contributions = new Dictionary<LeverMove, double[][]>();
        for (var k = 0; k < singles.Count; k++)
        {
            contributions[singles[k].Moves[0]] = evaluator.Contribution(singleJobs[k].IssueId, singleDraws[k]);
        }

        var singleResults = singles.Select(l => Score(l, contributions[l.Moves[0]], evaluator)).ToList();
        Sort(singleResults);

        // Pairs from the best singles with a positive expected gain.
        var top = singleResults.Where(r => r.ExpectedGain > 0).Take(options.PairFromTop).Select(r => r.Lever.Moves[0]).ToList();
        var pairs = new List<Lever>();
        for (var i = 0; i < top.Count; i++)
        {
            for (var j = i + 1; j < top.Count; j++)
            {
                if (top[i].ActorId == top[j].ActorId && top[i].IssueId == top[j].IssueId && top[i].Field == top[j].Field)
                {
                    continue;
                }

                var pair = new Lever([top[i], top[j]]);
                if (Affordable(pair, options))
                {
                    pairs.Add(pair);
                }
            }
        }

        var sameIssue = pairs.Where(p => p.IssueIds.Count == 1).ToList();
        var pairDraws = evaluator.Simulate(sameIssue.Select(p => new IssueJob(p.IssueIds[0], p.Moves.Select(m => (Delta)m.ToDelta(scenario)).ToList())).ToList(), null, cancellationToken);
        var sameIssueContribution = new Dictionary<Lever, double[][]>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < sameIssue.Count; k++)
        {
            sameIssueContribution[sameIssue[k]] = evaluator.Contribution(sameIssue[k].IssueIds[0], pairDraws[k]);
        }

        var all = new List<LeverResult>(singleResults);
        foreach (var pair in pairs)
        {
            var c = sameIssueContribution.TryGetValue(pair, out var own) ? own : Sum(contributions[pair.Moves[0]], contributions[pair.Moves[1]]);
            all.Add(Score(pair, c, evaluator));
        }

        Sort(all);
        progress?.Report(1.0);
        return new LeverSearchResult(
            adviseeId,
            evaluator.Scope.Select(f => f.Id).ToList(),
            models.Select(m => m.Id).ToList(),
            options,
            singles.Count,
            pairs.Count,
            all);
    }

    /// <summary>
    /// The actor that the best single lever of <paramref name="adviseeId"/> acts on under one model (pairs are not
    /// formed, so the answer names one actor), or null when no lever has a positive expected gain. For the
    /// <c>advise-rank</c> check: compare the result with the claim's expected target.
    /// </summary>
    /// <param name="scenario">The scenario (the claim's variant already applied).</param>
    /// <param name="adviseeId">The advised actor.</param>
    /// <param name="issueIds">The issues whose forecasts count; null for every issue the advisee takes part in.</param>
    /// <param name="model">The model to judge under.</param>
    /// <param name="simulation">Monte Carlo settings (seed, draws, distribution).</param>
    public static string? TopTarget(Scenario scenario, string adviseeId, IReadOnlyList<string>? issueIds, IIssueModel model, MonteCarloOptions simulation)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = Search(scenario, adviseeId, [model], new AdviceOptions { IssueIds = issueIds, PairFromTop = 0, Simulation = simulation });
        var best = result.Ranked.FirstOrDefault();
        return best is { ExpectedGain: > 0 } ? best.Lever.Targets[0] : null;
    }

    /// <summary>The single moves searched, in a fixed order (issues in scenario order, then actors in scenario order).</summary>
    internal static List<LeverMove> Candidates(AdviceEvaluator evaluator, AdviceOptions options)
    {
        var scenario = evaluator.Baseline;
        var advisee = evaluator.AdviseeId;
        var moves = new List<LeverMove>();
        foreach (var frame in evaluator.Scope)
        {
            var issue = frame.Issue;
            var x = frame.AdviseePosition!.Value;
            var forecast = evaluator.BaselineMean(issue.Id);

            // Own moves.
            AddPositionShifts(moves, LeverKind.Concede, advisee, issue, x, forecast, frame.AdviseeSalience, options);
            var raise = Math.Min(options.SalienceShift, 100 - frame.AdviseeSalience);
            if (raise > SameShift)
            {
                moves.Add(new LeverMove(LeverKind.RaiseOwnSalience, advisee, issue.Id, ValueField.Salience, frame.AdviseeSalience, raise, LeverCost.Of(raise, 100, frame.AdviseeSalience)));
            }

            // Persuasion of the others.
            foreach (var value in scenario.ValuesOn(issue.Id))
            {
                if (value.ActorId == advisee)
                {
                    continue;
                }

                var p = Math.Clamp(value.Position.Mode, issue.ScaleLow, issue.ScaleHigh);
                var s = Math.Clamp(value.Salience.Mode, 0, 100);
                AddPositionShifts(moves, LeverKind.PersuadePosition, value.ActorId, issue, p, x, s, options);
                var pullsOurWay = Math.Abs(p - x) < Math.Abs(forecast - x);
                var shift = pullsOurWay ? Math.Min(options.SalienceShift, 100 - s) : -Math.Min(options.SalienceShift, s);
                if (Math.Abs(shift) > SameShift)
                {
                    moves.Add(new LeverMove(LeverKind.PersuadeSalience, value.ActorId, issue.Id, ValueField.Salience, s, shift, LeverCost.Of(shift, 100, s)));
                }
            }
        }

        return moves;
    }

    private static void AddPositionShifts(List<LeverMove> moves, LeverKind kind, string actorId, Issue issue, double from, double toward, double salience, AdviceOptions options)
    {
        var span = issue.ScaleHigh - issue.ScaleLow;
        var distance = Math.Abs(toward - from);
        var sign = Math.Sign(toward - from);
        var previous = new List<double>();
        foreach (var size in options.PositionShifts.Order())
        {
            var magnitude = Math.Min(size / 100 * span, distance);
            if (magnitude <= SameShift || previous.Any(q => Math.Abs(q - magnitude) <= SameShift))
            {
                continue;
            }

            previous.Add(magnitude);
            var shift = sign * magnitude;
            moves.Add(new LeverMove(kind, actorId, issue.Id, ValueField.Position, from, shift, LeverCost.Of(shift, span, salience)));
        }
    }

    private static bool Affordable(Lever lever, AdviceOptions options) => options.Budget is not { } b || lever.Cost <= b;

    private static LeverResult Score(Lever lever, double[][] contribution, AdviceEvaluator evaluator)
    {
        var gains = new GainEstimate[contribution.Length];
        for (var m = 0; m < contribution.Length; m++)
        {
            gains[m] = GainEstimate.From(evaluator.Models[m].Id, contribution[m]);
        }

        var expected = gains.Average(g => g.Mean);
        return new LeverResult(lever, gains, expected, expected / lever.Cost);
    }

    private static double[][] Sum(double[][] a, double[][] b)
    {
        var result = new double[a.Length][];
        for (var m = 0; m < a.Length; m++)
        {
            var r = new double[a[m].Length];
            for (var d = 0; d < r.Length; d++)
            {
                r[d] = a[m][d] + b[m][d];
            }

            result[m] = r;
        }

        return result;
    }

    private static void Sort(List<LeverResult> results) =>
        results.Sort((p, q) =>
        {
            var c = q.Score.CompareTo(p.Score);
            return c != 0 ? c : string.CompareOrdinal(p.Lever.Description, q.Lever.Description);
        });

    private static void Report(IProgress<double>? progress, double value) => progress?.Report(value);
}
