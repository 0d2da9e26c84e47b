using Parley.Core.Models.Exchange;
using Parley.Core.Scenarios;

namespace Parley.Core.Tests.Exchange;

public sealed class ExchangeModelTests
{
    // Spec §10 worked example: three actors, two issues on [0, 100].
    private static ExchangeInput WorkedExample() => ExchangeInput.Create(
        ["A", "B", "C"],
        [new ExchangeIssue("p", 0, 100), new ExchangeIssue("q", 0, 100)],
        [
            new("A", "p", 0, 0.8m, 1), new("B", "p", 100, 0.2m, 1), new("C", "p", 50, 0.5m, 1),
            new("A", "q", 0, 0.2m, 1), new("B", "q", 100, 0.8m, 1), new("C", "q", 50, 0.5m, 1),
        ]);

    [Fact]
    public void Run_WorkedExample_OneExchangeWithGainEight()
    {
        // When the spec's worked example runs one round
        var result = ExchangeModel.Run(WorkedExample(), ExchangeOptions.Reference with { Rounds = 1 });

        // Then A (I, supplies q) and B (J, supplies p) exchange with gain 8, moves of 100 (tolerance 1e-12)
        var round = result.Rounds[0];
        Assert.Equal(1, round.Candidates);
        var e = Assert.Single(round.Exchanges);
        Assert.Equal(("A", "q"), (e.I.ActorId, e.I.SupplyIssueId));
        Assert.Equal(("B", "p"), (e.J.ActorId, e.J.SupplyIssueId));
        Assert.Equal(8.0, e.Gain, 1e-12);
        Assert.Equal(100.0, e.I.Move, 1e-12);
        Assert.Equal(-100.0, e.J.Move, 1e-12);

        // and the outcomes are 30/70 at the start and 16.67/83.33 after voting (tolerance 1e-12)
        Assert.Equal(30.0, round.Start.Outcomes[0], 1e-12);
        Assert.Equal(70.0, round.Start.Outcomes[1], 1e-12);
        Assert.Equal(50.0 / 3.0, round.Voting.Outcomes[0], 1e-12);
        Assert.Equal(250.0 / 3.0, round.Voting.Outcomes[1], 1e-12);

        // and the preferences move 42 % of the way (w = 0.1 + 0.4·(1 − 0.2)) (tolerance 1e-12)
        Assert.Equal(42.0, result.Final.Positions[1][0], 1e-12);
        Assert.Equal(58.0, result.Final.Positions[0][1], 1e-12);
    }

    [Fact]
    public void Run_WorkedExampleRoundTwo_RoundingMakesTheExchangeInvalid()
    {
        // Spec §10: in round 2 the same pair is a candidate but y_J < 0 by 1e-26 after rounding.
        var result = ExchangeModel.Run(WorkedExample(), ExchangeOptions.Reference with { Rounds = 2 });
        Assert.Equal(1, result.Rounds[1].Candidates);
        Assert.Equal(0, result.Rounds[1].ValidCandidates);
        Assert.Empty(result.Rounds[1].Exchanges);
        Assert.Equal(24.4, result.Rounds[1].Start.Outcomes[0], 1e-12);
    }

    [Theory]
    [InlineData(ExchangeVariant.EqualGain, ExchangeTieBreak.Random)]
    [InlineData(ExchangeVariant.RandomRate, ExchangeTieBreak.Deterministic)]
    [InlineData(ExchangeVariant.RandomRate, ExchangeTieBreak.Random)]
    public void Run_SameSeed_SameResultWithOneOrAllThreads(ExchangeVariant variant, ExchangeTieBreak tie)
    {
        // Given a stochastic configuration and a fixed seed
        var input = Synthetic(12, 5, seed: 7);
        var options = ExchangeOptions.Default with { Variant = variant, TieBreak = tie, Seed = 42, Rounds = 5 };

        // When it runs twice on one thread and once on all cores
        var a = Fingerprint(ExchangeModel.Run(input, options with { MaxDegreeOfParallelism = 1 }));
        var b = Fingerprint(ExchangeModel.Run(input, options with { MaxDegreeOfParallelism = 1 }));
        var c = Fingerprint(ExchangeModel.Run(input, options with { MaxDegreeOfParallelism = 0 }));

        // Then all three are identical (exact)
        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.NotEmpty(a);
    }

    [Fact]
    public void Run_RandomRateDifferentSeeds_DifferentResults()
    {
        var input = Synthetic(12, 5, seed: 7);
        var options = ExchangeOptions.Default with { Variant = ExchangeVariant.RandomRate, Rounds = 3 };
        Assert.NotEqual(Fingerprint(ExchangeModel.Run(input, options with { Seed = 1 })), Fingerprint(ExchangeModel.Run(input, options with { Seed = 2 })));
    }

    [Fact]
    public void FromScenario_Scenario_MapsSalienceToFractionAndKeepsScale()
    {
        // Given a scenario with a native scale and one abstaining actor
        var issue = new Issue("i", "I", null, 0.5, 7, true, [], null, null, Evidence.None);
        var other = new Issue("j", "J", null, 0, 100, true, [], null, null, Evidence.None);
        var actors = new[] { new Actor("a", "A", null, Evidence.None), new Actor("b", "B", null, Evidence.None) };
        var values = new[]
        {
            new ActorIssueValue("a", "i", Estimate.Exactly(3), Estimate.Exactly(70), Estimate.Exactly(0.25), Evidence.None),
            new ActorIssueValue("a", "j", Estimate.Exactly(10), Estimate.Exactly(50), Estimate.Exactly(0.25), Evidence.None),
        };
        var scenario = new Scenario("s", "S", ScenarioMetadata.Empty, [issue, other], actors, values);

        // When it is mapped
        var input = ExchangeInput.FromScenario(scenario);

        // Then (exact decimals)
        Assert.Equal(new ExchangeIssue("i", 0.5m, 7m), input.Issues[0]);
        Assert.Equal(new ExchangeValue("a", "i", 3m, 0.7m, 0.25m), input.Values[0]);
        Assert.DoesNotContain(input.Values, v => v.ActorId == "b");
    }

    [Fact]
    public void Create_PositionOutsideScale_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ExchangeInput.Create(["a"], [new ExchangeIssue("i", 0, 10)], [new ExchangeValue("a", "i", 11, 0.5m, 1)]));
        Assert.Contains("[0, 10]", ex.Message, StringComparison.Ordinal);
    }

    private static string Fingerprint(ExchangeResult r) => string.Join(
        "|",
        r.Rounds.SelectMany(x => x.Exchanges).Select(e => FormattableString.Invariant($"{e.Round}:{e.I.ActorId}/{e.I.SupplyIssueId}-{e.J.ActorId}/{e.J.SupplyIssueId}:{e.Gain:R}:{e.I.Y:R}:{e.J.Y:R}")));

    internal static ExchangeInput Synthetic(int actors, int issues, int seed)
    {
        var rng = new Random(seed);
        var actorIds = Enumerable.Range(0, actors).Select(a => $"a{a}").ToList();
        var issueList = Enumerable.Range(0, issues).Select(i => new ExchangeIssue($"i{i}", 0, 100)).ToList();
        var values = new List<ExchangeValue>();
        foreach (var a in actorIds)
        {
            var power = Math.Round((decimal)(0.05 + (0.95 * rng.NextDouble())), 3);
            foreach (var i in issueList)
            {
                values.Add(new ExchangeValue(a, i.Id, 5 * rng.Next(0, 21), Math.Round((decimal)(0.1 + (0.9 * rng.NextDouble())), 2), power));
            }
        }

        return ExchangeInput.Create(actorIds, issueList, values);
    }
}
