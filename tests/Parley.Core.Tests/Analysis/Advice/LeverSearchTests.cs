using Parley.Core.Analysis.Advice;
using Parley.Core.Models.Compromise;
using Parley.Core.Models.Median;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using static Parley.Core.Tests.Uncertainty.TestScenarios;

namespace Parley.Core.Tests.Analysis.Advice;

public class LeverSearchTests
{
    private const double Tolerance = 1e-9;

    // One issue on 0–100, point values (every draw equals the modes, so each interval collapses to the mean),
    // the compromise model F = Σ c·s·x / Σ c·s, capability 10 for all:
    //   me (advisee) x = 100, s = 50 → w = 500
    //   b            x =   0, s = 20 → w = 200
    //   c            x =  50, s = 80 → w = 800
    // Baseline F = (50000 + 0 + 40000) / 1500 = 60. One issue, so the gain is (|F − 100| − |F' − 100|) = F' − F points.
    // Cost = |shift| / range × (0.5 + s/100). With position shifts of 10 and a salience shift of 15:
    //   concede me 100 → 90:        F' = (45000 + 40000)/1500 = 56.667, gain −3.333, cost 0.1 × 1.0  = 0.100, ratio −33.33
    //   raise own salience 50 → 65:  F' = (65000 + 40000)/1650 = 63.636, gain +3.636, cost 0.15 × 1.0 = 0.150, ratio  24.24
    //   persuade b position 0 → 10:  F' = (50000 + 2000 + 40000)/1500 = 61.333, gain +1.333, cost 0.1 × 0.7 = 0.070, ratio 19.05
    //   persuade b salience 20 → 5 (b sits farther from me than F does, so it is asked to care less):
    //                                F' = (50000 + 40000)/1350 = 66.667, gain +6.667, cost 0.15 × 0.7 = 0.105, ratio 63.49
    //   persuade c position 50 → 60: F' = (50000 + 48000)/1500 = 65.333, gain +5.333, cost 0.1 × 1.3 = 0.130, ratio 41.03
    //   persuade c salience 80 → 65 (c is farther than F too): F' = (50000 + 32500)/1350 = 61.111, gain +1.111,
    //                                cost 0.15 × 1.3 = 0.195, ratio 5.70
    // Best lever: persuade b to care less (ratio 63.49), although persuading c to move gains almost as much.
    private static Scenario ThreeActors() => Build(
        [Issue("a")],
        [
            Value("me", "a", P(100), P(50), P(10)),
            Value("b", "a", P(0), P(20), P(10)),
            Value("c", "a", P(50), P(80), P(10)),
        ]);

    private static AdviceOptions HandOptions(int pairs = 0, double? budget = null) => new()
    {
        PositionShifts = [10],
        SalienceShift = 15,
        PairFromTop = pairs,
        Budget = budget,
        Simulation = new MonteCarloOptions { Draws = 50, Seed = 3 },
    };

    [Fact]
    public void Search_ThreeActors_RanksAsDerivedByHand()
    {
        // When
        var result = LeverSearch.Search(ThreeActors(), "me", [new CompromiseModel()], HandOptions());

        // Then: the six candidates in the order derived above
        Assert.Equal(
            [
                "persuade b: salience on a −15 (20 → 5)",
                "persuade c: position on a +10 (50 → 60)",
                "me raises own salience on a +15 (50 → 65)",
                "persuade b: position on a +10 (0 → 10)",
                "persuade c: salience on a −15 (80 → 65)",
                "me concedes: position on a −10 (100 → 90)",
            ],
            result.Ranked.Select(r => r.Lever.Description));
        var best = result.Ranked[0];
        Assert.Equal(0.105, best.Lever.Cost, Tolerance);
        Assert.Equal((90000.0 / 1350) - 60, best.ExpectedGain, Tolerance);
        Assert.Equal(((90000.0 / 1350) - 60) / 0.105, best.Score, Tolerance);

        // Point values: every draw is the same, so the 80% interval is the single value (tolerance 1e-9)
        var g = best.Gains.Single();
        Assert.Equal(g.Mean, g.P10, Tolerance);
        Assert.Equal(g.Mean, g.P90, Tolerance);
        Assert.Equal((85000.0 / 1500) - 60, result.Ranked[^1].ExpectedGain, Tolerance);
    }

    [Fact]
    public void Search_Budget_ExcludesCostlierLevers()
    {
        // Given a budget of 0.1: only "persuade b position" (0.07) and "concede" (0.1) fit
        var result = LeverSearch.Search(ThreeActors(), "me", [new CompromiseModel()], HandOptions(budget: 0.1));

        // Then
        Assert.Equal(["persuade b: position on a +10 (0 → 10)", "me concedes: position on a −10 (100 → 90)"], result.Ranked.Select(r => r.Lever.Description));
        Assert.All(result.Ranked, r => Assert.True(r.Lever.Cost <= 0.1));
    }

    [Fact]
    public void Search_PairOnOneIssue_SimulatedTogether()
    {
        // Given pairs of the top two singles: b's salience 20 → 5 and c's position 50 → 60 together.
        // Weights me 500, b 50, c 800: F' = (500·100 + 50·0 + 800·60)/1350 = 98000/1350 = 72.593, gain 12.593, cost 0.105 + 0.13 = 0.235, ratio 53.59: ranked second, between 63.49 and 41.03.
        var result = LeverSearch.Search(ThreeActors(), "me", [new CompromiseModel()], HandOptions(pairs: 2));

        // Then
        Assert.Equal(1, result.PairCount);
        var pair = result.Ranked[1];
        Assert.Equal(2, pair.Lever.Moves.Count);
        Assert.Equal((98000.0 / 1350) - 60, pair.ExpectedGain, Tolerance);
        Assert.Equal(0.235, pair.Lever.Cost, Tolerance);
    }

    [Fact]
    public void Search_PairOnTwoIssues_EqualsSimulatingBothMoves()
    {
        // Given two issues with ranges and a pair on different issues (gain summed from the singles' draws)
        var scenario = TwoRangedIssues();
        var options = new AdviceOptions { PairFromTop = 10, Simulation = new MonteCarloOptions { Draws = 400, Seed = 5 } };
        var result = LeverSearch.Search(scenario, "me", [new CompromiseModel()], options);
        var pair = result.Ranked.First(r => r.Lever.IssueIds.Count == 2);

        // When both moves are simulated together on the full scenario
        var sim = options.Simulation;
        var engine = new MonteCarloEngine(sim);
        var baseRun = engine.Run(scenario, [new CompromiseModel()]);
        var changed = engine.Run(scenario.Apply(pair.Lever.Moves.Select(m => (Delta)m.ToDelta(scenario))), [new CompromiseModel()]);
        var weights = new Dictionary<string, double> { ["i"] = 60.0 / 100, ["j"] = 40.0 / 100 };
        var positions = new Dictionary<string, double> { ["i"] = 90, ["j"] = 80 };
        var perDraw = new double[sim.Draws];
        foreach (var id in weights.Keys)
        {
            var b = baseRun.Find(id, "compromise")!.Distribution.Draws;
            var v = changed.Find(id, "compromise")!.Distribution.Draws;
            for (var d = 0; d < sim.Draws; d++)
            {
                perDraw[d] += weights[id] * (Math.Abs(b[d] - positions[id]) - Math.Abs(v[d] - positions[id]));
            }
        }

        // Then the summed gain equals the joint simulation's draw for draw (tolerance 1e-9 points)
        Assert.Equal(perDraw.Average(), pair.ExpectedGain, Tolerance);
    }

    [Fact]
    public void Search_OneThreadOrAllCores_SameRanking()
    {
        // Given the emission-standards game with ranges, two models
        var scenario = EmissionStandardsWidened();
        var advisee = scenario.Actors[0].Id;
        AdviceOptions Options(int? threads) => new() { Simulation = new MonteCarloOptions { Draws = 600, Seed = 9, MaxDegreeOfParallelism = threads } };

        // When
        var one = LeverSearch.Search(scenario, advisee, [new CompromiseModel(), new MedianModel()], Options(1));
        var all = LeverSearch.Search(scenario, advisee, [new CompromiseModel(), new MedianModel()], Options(null));
        var again = LeverSearch.Search(scenario, advisee, [new CompromiseModel(), new MedianModel()], Options(null));

        // Then: bit-identical (exact equality)
        Assert.Equal(Flatten(one), Flatten(all));
        Assert.Equal(Flatten(all), Flatten(again));
        Assert.True(one.PairCount > 0);
    }

    [Fact]
    public void Search_DifferentSeed_DifferentGains()
    {
        var scenario = TwoRangedIssues();
        AdviceOptions Options(ulong seed) => new() { Simulation = new MonteCarloOptions { Draws = 200, Seed = seed } };
        var a = LeverSearch.Search(scenario, "me", [new CompromiseModel()], Options(1));
        var b = LeverSearch.Search(scenario, "me", [new CompromiseModel()], Options(2));
        Assert.NotEqual(Flatten(a), Flatten(b));
    }

    [Fact]
    public void Search_UnknownActor_ThrowsNamingKnownActors()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => LeverSearch.Search(ThreeActors(), "ghost", [new CompromiseModel()], HandOptions()));
        Assert.Contains("'ghost'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("me, b, c", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopTarget_ThreeActors_ActorOfTheBestSingleLever()
    {
        var target = LeverSearch.TopTarget(ThreeActors(), "me", null, new CompromiseModel(), new MonteCarloOptions { Draws = 20 });
        Assert.Equal("b", target);
    }

    [Fact]
    public void ModelDependent_GainsOfOppositeSign_Flagged()
    {
        var lever = new Lever([new LeverMove(LeverKind.PersuadePosition, "b", "a", ValueField.Position, 0, 10, 0.07)]);
        var r = new LeverResult(lever, [new GainEstimate("x", 1, 0, 1, 2, 0.9), new GainEstimate("y", -1, -2, -1, 0, 0.1)], 0, 0);
        Assert.True(r.ModelDependent);
        Assert.Equal(["x"], r.ModelsWithGain);
    }

    // Two issues with ranges; me (the advisee) has salience 60 on i and 40 on j, so the weights are 0.6 and 0.4.
    internal static Scenario TwoRangedIssues() => Build(
        [Issue("i"), Issue("j")],
        [
            Value("me", "i", P(90), P(60), E(5, 10, 15)),
            Value("b", "i", E(10, 30, 50), E(30, 50, 70), E(5, 10, 15)),
            Value("c", "i", E(40, 50, 60), E(40, 60, 80), E(5, 10, 15)),
            Value("me", "j", P(80), P(40), E(5, 10, 15)),
            Value("b", "j", E(0, 20, 40), E(50, 70, 90), E(5, 10, 15)),
            Value("c", "j", E(30, 60, 90), E(20, 30, 40), E(5, 10, 15)),
        ]);

    private static List<string> Flatten(LeverSearchResult r) =>
        r.Ranked.Select(x => x.Lever.Description + "|" + string.Join(";", x.Gains.Select(g => $"{g.Mean:R},{g.P10:R},{g.P90:R}"))).ToList();
}
