using Parley.Core.Numerics.Statistics;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using static Parley.Core.Tests.Uncertainty.TestScenarios;

namespace Parley.Core.Tests.Uncertainty;

public class ScenarioSobolAnalyzerTests
{
    [Fact]
    public void Run_OneRangedValue_ExplainsAllVariance()
    {
        // Given three actors with equal weights where only a's position has a range: the weighted mean is
        // (xₐ + 40 + 100)/3, linear in xₐ, so S1 = ST = 1 for it.
        var scenario = Build([Issue("i")], [Value("a", "i", E(10, 20, 30), P(50), P(1)), Value("b", "i", P(40), P(50), P(1)), Value("c", "i", P(100), P(50), P(1))]);

        // When
        var result = ScenarioSobolAnalyzer.Run(scenario, "i", new WeightedMeanModel(), new SobolOptions { BaseSamples = 20_000, BootstrapResamples = 50 });

        // Then (tolerance 0.02)
        var only = result.Inputs.Single();
        Assert.Equal(("a", ValueField.Position), (only.Input.ActorId, only.Input.Field));
        Assert.Equal(1, only.Index.FirstOrder, 0.02);
        Assert.Equal(1, only.Index.TotalEffect, 0.02);
        Assert.Matches("Actor A's position explains ~(9[89]|100)% of the variance on its own", result.Summary);
    }

    [Fact]
    public void Run_TwoInputs_RankedByTotalEffect()
    {
        // Given a and b with equal weights; a's position spans ±10, b's ±30: outcome = (xₐ + x_b)/2, additive, so
        // S1 ∝ variance of each: triangular symmetric variance ∝ width², giving 1/10 and 9/10.
        var scenario = Build([Issue("i")], [Value("a", "i", E(40, 50, 60), P(50), P(1)), Value("b", "i", E(20, 50, 80), P(50), P(1))]);

        foreach (var distribution in new[] { SamplingDistribution.Triangular, SamplingDistribution.Pert })
        {
            // When
            var result = ScenarioSobolAnalyzer.Run(scenario, "i", new WeightedMeanModel(), new SobolOptions { BaseSamples = 8000, BootstrapResamples = 100, Seed = 4 }, distribution);

            // Then (tolerance 0.03; the intervals contain the estimates)
            Assert.Equal("b", result.Ranked[0].Input.ActorId);
            Assert.Equal(0.9, result.Ranked[0].Index.FirstOrder, 0.03);
            Assert.Equal(0.1, result.Ranked[1].Index.FirstOrder, 0.03);
            Assert.Equal(0.9, result.Ranked[0].Index.TotalEffect, 0.03);
            Assert.InRange(result.Ranked[0].Index.FirstOrder, result.Ranked[0].Index.FirstOrderInterval.Low, result.Ranked[0].Index.FirstOrderInterval.High);
        }
    }

    [Fact]
    public void Run_NoRanges_SaysSo()
    {
        var scenario = Build([Issue("i")], [Value("a", "i", P(10), P(50), P(1))]);
        var result = ScenarioSobolAnalyzer.Run(scenario, "i", new WeightedMeanModel(), new SobolOptions());
        Assert.Empty(result.Inputs);
        Assert.Contains("does not vary", result.Summary);
    }
}
