using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using static Parley.Core.Tests.Uncertainty.TestScenarios;

namespace Parley.Core.Tests.Uncertainty;

public class IssueSamplerTests
{
    [Fact]
    public void Fill_ValueOfAnActor_DoesNotDependOnOtherActors()
    {
        // Given actor a alone, and a with b before it: a's stream is keyed by (seed, draw, a/i/field), not by its index
        var alone = new IssueSampler(Build([Issue("i")], [Value("a", "i", E(0, 50, 100), E(10, 50, 90), E(1, 2, 3))]), "i");
        var withOther = new IssueSampler(Build([Issue("i")], [Value("b", "i", E(0, 1, 2), E(1, 2, 3), E(1, 2, 3)), Value("a", "i", E(0, 50, 100), E(10, 50, 90), E(1, 2, 3))]), "i");
        var x = alone.CreateInput();
        var y = withOther.CreateInput();

        for (var d = 0; d < 100; d++)
        {
            // When
            alone.Fill(x, 9, d, SamplingDistribution.Pert);
            withOther.Fill(y, 9, d, SamplingDistribution.Pert);

            // Then (exact)
            Assert.Equal(x.Positions[0], y.Positions[1]);
            Assert.Equal(x.Saliences[0], y.Saliences[1]);
            Assert.Equal(x.Capabilities[0], y.Capabilities[1]);
        }
    }

    [Fact]
    public void Fill_Draws_StayInsideRangesAndDomains()
    {
        var sampler = new IssueSampler(Build([Issue("i", -5, 5)], [Value("a", "i", E(-5, 0, 5), E(0, 100, 100), E(0, 0, 3))]), "i");
        var input = sampler.CreateInput();
        foreach (var distribution in new[] { SamplingDistribution.Triangular, SamplingDistribution.Pert })
        {
            for (var d = 0; d < 2000; d++)
            {
                sampler.Fill(input, 1, d, distribution);
                Assert.InRange(input.Positions[0], -5, 5);
                Assert.InRange(input.Saliences[0], 0, 100);
                Assert.InRange(input.Capabilities[0], 0, 3);
            }
        }
    }

    [Fact]
    public void RangedInputs_ListsOnlyValuesWithARange()
    {
        var sampler = new IssueSampler(Build([Issue("i")], [Value("a", "i", E(0, 50, 100), P(50), P(1)), Value("b", "i", P(1), P(2), E(1, 2, 3))]), "i");
        Assert.Equal([("a", ValueField.Position), ("b", ValueField.Capability)], sampler.RangedInputs.Select(r => (r.ActorId, r.Field)));
    }

    [Fact]
    public void CreateInput_SetsModes()
    {
        var sampler = new IssueSampler(Build([Issue("i")], [Value("a", "i", E(0, 40, 100), E(10, 60, 90), E(1, 2, 3))]), "i");
        var input = sampler.CreateInput();
        Assert.Equal((40.0, 60.0, 2.0), (input.Positions[0], input.Saliences[0], input.Capabilities[0]));
    }
}
