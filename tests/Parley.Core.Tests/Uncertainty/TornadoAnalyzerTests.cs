using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using static Parley.Core.Tests.Uncertainty.TestScenarios;

namespace Parley.Core.Tests.Uncertainty;

public class TornadoAnalyzerTests
{
    // Three actors on a 0-100 issue under the weighted mean Σ c·s·x / Σ c·s, each with one ranged value:
    //   a: position 10 / 20 / 30, salience 50, capability 1
    //   b: position 40, salience 20 / 50 / 80, capability 1
    //   c: position 100, salience 50, capability 0.5 / 1 / 2
    // Baseline (all weights 50): (20 + 40 + 100) / 3 = 53.333.
    // a position 10: (10 + 40 + 100) / 3 = 50;      30: (30 + 40 + 100) / 3 = 56.667;   swing 6.667
    // b salience 20: (50·20 + 20·40 + 50·100) / 120 = 6800 / 120 = 56.667;
    //            80: (50·20 + 80·40 + 50·100) / 180 = 9200 / 180 = 51.111;             swing 5.556
    // c capability 0.5: weights 50, 50, 25: (1000 + 2000 + 2500) / 125 = 44;
    //              2:   weights 50, 50, 100: (1000 + 2000 + 10000) / 200 = 65;          swing 21
    // Ranking: c capability (21) > a position (6.667) > b salience (5.556).
    private static Scenario ThreeActors() => Build(
        [Issue("i")],
        [
            Value("a", "i", E(10, 20, 30), P(50), P(1)),
            Value("b", "i", P(40), E(20, 50, 80), P(1)),
            Value("c", "i", P(100), P(50), E(0.5, 1, 2)),
        ]);

    [Fact]
    public void Run_ThreeActors_RanksBySwingAsDerivedByHand()
    {
        // When
        var result = TornadoAnalyzer.Run(ThreeActors(), "i", new WeightedMeanModel());

        // Then (tolerance 1e-9: a handful of floating-point operations)
        Assert.Equal(53.333333333333, result.Baseline, 1e-9);
        Assert.Equal(3, result.Bars.Count);
        Assert.Equal(("c", ValueField.Capability, 1), (result.Bars[0].ActorId, result.Bars[0].Field, result.Bars[0].Rank));
        Assert.Equal(("a", ValueField.Position, 2), (result.Bars[1].ActorId, result.Bars[1].Field, result.Bars[1].Rank));
        Assert.Equal(("b", ValueField.Salience, 3), (result.Bars[2].ActorId, result.Bars[2].Field, result.Bars[2].Rank));
        Assert.Equal(44, result.Bars[0].OutcomeAtLow, 1e-9);
        Assert.Equal(65, result.Bars[0].OutcomeAtHigh, 1e-9);
        Assert.Equal(21, result.Bars[0].Swing, 1e-9);
        Assert.Equal(50, result.Bars[1].OutcomeAtLow, 1e-9);
        Assert.Equal(56.666666666667, result.Bars[1].OutcomeAtHigh, 1e-9);
        Assert.Equal(56.666666666667, result.Bars[2].OutcomeAtLow, 1e-9);
        Assert.Equal(51.111111111111, result.Bars[2].OutcomeAtHigh, 1e-9);
    }

    [Fact]
    public void Run_PointValues_GetNoBar()
    {
        // Given a scenario where nothing has a range
        var scenario = Build([Issue("i")], [Value("a", "i", P(10), P(50), P(1)), Value("b", "i", P(90), P(50), P(1))]);

        // When
        var result = TornadoAnalyzer.Run(scenario, "i", new WeightedMeanModel());

        // Then (tolerance 1e-12)
        Assert.Empty(result.Bars);
        Assert.Equal(50, result.Baseline, 1e-12);
    }

    [Fact]
    public void Run_UnknownIssue_Throws()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => TornadoAnalyzer.Run(ThreeActors(), "nope", new WeightedMeanModel()));
        Assert.Contains("nope", ex.Message);
    }
}
