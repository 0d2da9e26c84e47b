using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using static Parley.Core.Tests.Uncertainty.TestScenarios;

namespace Parley.Core.Tests.Uncertainty;

public class VariantComparerTests
{
    // Two issues. On "i", variant "shift" moves a's whole position range up by 10 (same shape), so with paired draws
    // a's position rises by exactly 10 in every draw (the triangular inverse CDF with the same uniform), and the
    // weighted mean rises by 10·wₐ/Σw > 0 in every draw. Issue "j" is untouched by the variant.
    private static Scenario TwoIssues()
    {
        Variant shift = new("shift", "Shift", null, Evidence.None, [new SetValueDelta { ActorId = "a", IssueId = "i", Field = ValueField.Position, Value = E(30, 50, 70) }]);
        return Build(
            [Issue("i"), Issue("j")],
            [
                Value("a", "i", E(20, 40, 60), E(30, 50, 70), E(1, 2, 3)),
                Value("b", "i", E(50, 70, 90), E(30, 50, 70), E(1, 2, 3)),
                Value("a", "j", E(0, 10, 20), E(30, 50, 70), E(1, 2, 3)),
                Value("b", "j", E(80, 90, 100), E(30, 50, 70), E(1, 2, 3)),
            ],
            [shift]);
    }

    [Fact]
    public void Compare_ShiftedRange_EveryPairedDifferencePositive()
    {
        // When
        var result = new VariantComparer(new MonteCarloOptions { Draws = 4000, Seed = 11 }).Compare(TwoIssues(), ["shift"], [new WeightedMeanModel()]);
        var diff = result.Variants.Single().Find("i", "weighted-mean")!;

        // Then: P(diff > 0) is exactly 1 and the 80% interval lies inside (0, 10]
        Assert.Equal(1.0, diff.ProbabilityPositive);
        Assert.Equal(0.0, diff.ProbabilityNegative);
        Assert.InRange(diff.P10, 1e-9, 10);
        Assert.InRange(diff.P90, diff.P10, 10);
        Assert.InRange(diff.Mean, diff.P10, diff.P90);

        // Deterministic difference at the modes: weights 100 and 100, so 10/2 = 5 (tolerance 1e-12)
        Assert.Equal(5, diff.DeterministicDifference, 1e-12);
    }

    [Fact]
    public void Compare_UntouchedIssue_DifferencesExactlyZero()
    {
        var result = new VariantComparer(new MonteCarloOptions { Draws = 1000 }).Compare(TwoIssues(), ["shift"], [new WeightedMeanModel()]);
        var diff = result.Variants.Single().Find("j", "weighted-mean")!;
        Assert.Equal((0.0, 0.0, 0.0, 0.0, 0.0), (diff.Mean, diff.P10, diff.P90, diff.ProbabilityPositive, diff.StandardDeviation));
    }

    [Fact]
    public void Compare_Paired_MuchTighterThanUnpairedRuns()
    {
        // Given the same comparison, once paired and once against a baseline with a different seed
        var options = new MonteCarloOptions { Draws = 4000, Seed = 5 };
        var scenario = TwoIssues();
        var model = new WeightedMeanModel();
        var paired = new VariantComparer(options).Compare(scenario, ["shift"], [model]).Variants.Single().Find("i", model.Id)!;
        var otherBaseline = new MonteCarloEngine(options with { Seed = 6 }).Run(scenario, [model]);
        var variantRun = new MonteCarloEngine(options).Run(scenario.WithVariant("shift"), [model]);
        var unpairedDraws = new double[options.Draws];
        for (var d = 0; d < unpairedDraws.Length; d++)
        {
            unpairedDraws[d] = variantRun.Outcomes[0].Distribution.Draws[d] - otherBaseline.Outcomes[0].Distribution.Draws[d];
        }

        var unpairedSd = Parley.Core.Numerics.Statistics.SampleStatistics.StandardDeviation(unpairedDraws);

        // Then: pairing removes the shared noise (the bound 1/3 is loose: here the ratio is far smaller)
        Assert.True(paired.StandardDeviation < unpairedSd / 3, $"paired sd {paired.StandardDeviation}, unpaired sd {unpairedSd}");
    }

    [Fact]
    public void Compare_UnknownVariant_ThrowsNamingIt()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => new VariantComparer(new MonteCarloOptions { Draws = 10 }).Compare(TwoIssues(), ["nope"], [new WeightedMeanModel()]));
        Assert.Contains("nope", ex.Message);
    }

    [Fact]
    public void Differences_DifferentSeeds_Throws()
    {
        var scenario = TwoIssues();
        var a = new MonteCarloEngine(new MonteCarloOptions { Draws = 10, Seed = 1 }).Run(scenario, [new WeightedMeanModel()]);
        var b = new MonteCarloEngine(new MonteCarloOptions { Draws = 10, Seed = 2 }).Run(scenario, [new WeightedMeanModel()]);
        Assert.Throws<ArgumentException>(() => VariantComparer.Differences(a, b, "x"));
    }
}
