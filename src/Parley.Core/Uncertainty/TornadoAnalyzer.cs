using Parley.Core.Models;
using Parley.Core.Scenarios;

namespace Parley.Core.Uncertainty;

/// <summary>One bar of a tornado diagram: the outcome with one value at its low and at its high, everything else at mode.</summary>
/// <param name="Rank">1 for the largest swing.</param>
/// <param name="ActorId">The actor whose value was varied.</param>
/// <param name="Field">Which of its values.</param>
/// <param name="Range">The value's estimate (low and high are the two settings; clamped to the domain when run).</param>
/// <param name="OutcomeAtLow">The model's forecast with this value at its low.</param>
/// <param name="OutcomeAtHigh">The model's forecast with this value at its high.</param>
public sealed record TornadoBar(int Rank, string ActorId, ValueField Field, Estimate Range, double OutcomeAtLow, double OutcomeAtHigh)
{
    /// <summary>|OutcomeAtHigh − OutcomeAtLow|, native units: how far this value alone can move the forecast.</summary>
    public double Swing => Math.Abs(OutcomeAtHigh - OutcomeAtLow);
}

/// <summary>A one-at-a-time sensitivity analysis of one model on one issue.</summary>
/// <param name="IssueId">The issue.</param>
/// <param name="ModelId">The model.</param>
/// <param name="Baseline">The forecast with every value at its mode.</param>
/// <param name="Bars">One per ranged value, by swing, largest first (ties: scenario actor order, then position, salience, capability).</param>
public sealed record TornadoResult(string IssueId, string ModelId, double Baseline, IReadOnlyList<TornadoBar> Bars);

/// <summary>
/// One-at-a-time ("tornado") sensitivity: for every actor × field with a range on an issue, sets that value to its low
/// and to its high with everything else at its mode, runs the model, and ranks the values by the swing of the outcome.
/// It shows the effect of each value alone; interactions are what <see cref="ScenarioSobolAnalyzer"/> adds.
/// </summary>
public static class TornadoAnalyzer
{
    /// <summary>Runs the tornado analysis of <paramref name="model"/> on <paramref name="issueId"/>. Point values (low = high) get no bar.</summary>
    /// <exception cref="KeyNotFoundException">No such issue.</exception>
    public static TornadoResult Run(Scenario scenario, string issueId, IIssueModel model)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        var sampler = new IssueSampler(scenario, issueId);
        var input = sampler.CreateInput();
        var baseline = model.Run(input).Value;
        var solver = model.CreateSolver(sampler.ActorCount);
        var bars = new List<(TornadoBar Bar, int Order)>();
        var order = 0;
        foreach (var ranged in sampler.RangedInputs)
        {
            var a = sampler.IndexOf(ranged.ActorId);
            sampler.Set(input, a, ranged.Field, ranged.Estimate.Low);
            var atLow = solver.Solve(input);
            sampler.Set(input, a, ranged.Field, ranged.Estimate.High);
            var atHigh = solver.Solve(input);
            sampler.Set(input, a, ranged.Field, ranged.Estimate.Mode);
            bars.Add((new TornadoBar(0, ranged.ActorId, ranged.Field, ranged.Estimate, atLow, atHigh), order++));
        }

        var ranked = bars
            .OrderByDescending(b => b.Bar.Swing)
            .ThenBy(b => b.Order)
            .Select((b, k) => b.Bar with { Rank = k + 1 })
            .ToList();
        return new TornadoResult(sampler.Issue.Id, model.Id, baseline, ranked);
    }
}
