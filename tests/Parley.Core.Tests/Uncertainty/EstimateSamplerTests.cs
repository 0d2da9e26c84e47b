using Parley.Core.Numerics.Random;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;

namespace Parley.Core.Tests.Uncertainty;

public class EstimateSamplerTests
{
    [Theory]
    [InlineData(ValueField.Position, 120, 100)]
    [InlineData(ValueField.Position, -3, 0)]
    [InlineData(ValueField.Salience, 101, 100)]
    [InlineData(ValueField.Salience, -1, 0)]
    [InlineData(ValueField.Capability, -0.5, 0)]
    [InlineData(ValueField.Capability, 1e6, 1e6)]
    public void Clamp_OutOfDomain_ClampsToDomain(ValueField field, double value, double expected)
    {
        Assert.Equal(expected, EstimateSampler.Clamp(value, field, 0, 100));
    }

    [Theory]
    [InlineData(SamplingDistribution.Triangular)]
    [InlineData(SamplingDistribution.Pert)]
    public void Sample_PointEstimate_ReturnsPoint(SamplingDistribution distribution)
    {
        var random = CounterRandom.Create(1, 2, 3);
        Assert.Equal(42, EstimateSampler.Sample(Estimate.Exactly(42), distribution, ref random, ValueField.Position, 0, 100));
        Assert.Equal(42, EstimateSampler.FromUniform(Estimate.Exactly(42), distribution, 0.3, ValueField.Position, 0, 100));
    }

    [Fact]
    public void FromUniform_Triangular_IsTheInverseCdf()
    {
        // u = 0.5 on triangular(0, 50, 100) is the mode; u → 0 and u → 1 approach the ends (tolerance 1e-12 / 1e-3)
        var e = new Estimate(0, 50, 100);
        Assert.Equal(50, EstimateSampler.FromUniform(e, SamplingDistribution.Triangular, 0.5, ValueField.Position, 0, 100), 1e-12);
        Assert.Equal(0, EstimateSampler.FromUniform(e, SamplingDistribution.Triangular, 1e-12, ValueField.Position, 0, 100), 1e-3);
        Assert.Equal(100, EstimateSampler.FromUniform(e, SamplingDistribution.Triangular, 1 - 1e-12, ValueField.Position, 0, 100), 1e-3);
    }
}
