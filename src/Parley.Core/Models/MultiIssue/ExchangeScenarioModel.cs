using Parley.Core.Models.Exchange;
using Parley.Core.Numerics;
using Parley.Core.Scenarios;

namespace Parley.Core.Models.MultiIssue;

/// <summary>
/// The Stokman–Van Oosten exchange model over all issues of a scenario, reported per issue: round t holds the voting
/// positions after round t's realised exchanges, <c>mean</c> is the issue outcome (power × salience weighted mean of
/// those positions), and the value is the outcome after the last round. Round 0 is the input. Native units.
/// </summary>
public sealed class ExchangeScenarioModel(ExchangeOptions? options = null) : IScenarioModel
{
    /// <inheritdoc/>
    public string Id => "exchange";

    /// <inheritdoc/>
    public IReadOnlyList<IssueForecast> Run(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var input = ExchangeInput.FromScenario(scenario);
        var result = ExchangeModel.Run(input, options);
        var positions = result.NativeVotingPositionSeries();
        var forecasts = new List<IssueForecast>(scenario.Issues.Count);
        foreach (var issue in scenario.Issues)
        {
            var k = result.IssueIds.ToList().IndexOf(issue.Id);
            if (k < 0)
            {
                forecasts.Add(new IssueForecast(Id, double.NaN, [], "exchange: issue not modelled"));
                continue;
            }

            var outcomes = result.NativeOutcomeSeries(k);
            var weights = result.ActorIds.Select(a => scenario.FindValue(a, issue.Id) is { } v ? v.Capability.Mode * v.Salience.Mode : 0).ToArray();
            var rounds = new List<RoundState>(outcomes.Count);
            for (var t = 0; t < outcomes.Count; t++)
            {
                var pos = positions[t][k].ToArray();
                rounds.Add(new RoundState(t, Median(pos, weights), outcomes[t], pos, null, []));
            }

            var realised = result.Rounds.Sum(r => r.Exchanges.Count(e => e.I.SupplyIssueId == issue.Id || e.J.SupplyIssueId == issue.Id));
            var forecast = new IssueForecast(Id, outcomes[^1], rounds, $"exchange: {result.Rounds.Count} rounds, {realised} realised exchanges moved positions on this issue.");
            forecasts.Add(ParticipantView.Restrict(scenario, issue.Id, result.ActorIds, forecast));
        }

        return forecasts;
    }

    private static double Median(double[] positions, double[] weights)
    {
        // Abstaining actors carry NaN positions and zero weight; leave them out.
        var keep = Enumerable.Range(0, positions.Length).Where(i => !double.IsNaN(positions[i])).ToArray();
        var x = keep.Select(i => positions[i]).ToArray();
        var w = keep.Select(i => weights[i]).ToArray();
        if (x.Length == 0 || !(w.Sum() > 0))
        {
            return double.NaN;
        }

        var scratch = new double[WeightedStats.MedianScratchLength(x.Length)];
        return WeightedStats.Median(x, w, scratch);
    }
}
