using Parley.Core.Numerics.Random;

namespace Parley.Core.Tests.Numerics.Random;

public class TriangularTests
{
    [Theory]
    // triangular(0, 50, 100): F(50) = 0.5; F(x) = x²/5000 below the mode, so u = 0.1 → √500
    [InlineData(0.5, 50)]
    [InlineData(0.1, 22.360679774997898)]
    [InlineData(0.9, 77.639320225002102)]
    public void InverseCdf_Symmetric_AsByHand(double u, double expected)
    {
        Assert.Equal(expected, Triangular.InverseCdf(0, 50, 100, u), 1e-9);
    }

    [Fact]
    public void InverseCdf_ModeAtAnEnd_StaysInRange()
    {
        // mode = low: F(x) = 1 − (100 − x)²/10000, so u = 0.75 → 50 (tolerance 1e-9)
        Assert.Equal(50, Triangular.InverseCdf(0, 0, 100, 0.75), 1e-9);
        Assert.Equal(100, Triangular.InverseCdf(0, 100, 100, 1), 1e-9);
    }

    [Fact]
    public void InverseCdf_Degenerate_ReturnsPoint()
    {
        Assert.Equal(7, Triangular.InverseCdf(7, 7, 7, 0.3));
    }
}

public class BetaPertTests
{
    [Fact]
    public void Sample_ManyDraws_MeanAndRangeAsPert()
    {
        // PERT(10, 20, 60): mean (10 + 80 + 60)/6 = 25; α = 1.8, β = 4.2, variance (b−a)²αβ/((α+β)²(α+β+1)) = 2500·7.56/252 = 75.
        // N = 100,000: sd of the mean 8.66/√N = 0.027; tolerance 0.15. Variance tolerance 3.
        const int n = 100_000;
        var x = new double[n];
        for (var d = 0; d < n; d++)
        {
            var r = CounterRandom.Create(3, d, 1);
            x[d] = BetaPert.Sample(10, 20, 60, ref r);
            Assert.InRange(x[d], 10, 60);
        }

        Assert.Equal(25, Parley.Core.Numerics.Statistics.SampleStatistics.Mean(x), 0.15);
        Assert.Equal(75, Parley.Core.Numerics.Statistics.SampleStatistics.Variance(x), 3.0);
        Assert.Equal(25, BetaPert.Mean(10, 20, 60), 1e-12);
    }

    [Fact]
    public void Sample_SameStream_SameValue()
    {
        var a = CounterRandom.Create(1, 2, 3);
        var b = CounterRandom.Create(1, 2, 3);
        Assert.Equal(BetaPert.Sample(0, 1, 10, ref a), BetaPert.Sample(0, 1, 10, ref b));
    }

    [Fact]
    public void Sample_Degenerate_ReturnsPoint()
    {
        var r = CounterRandom.Create(1, 2, 3);
        Assert.Equal(4, BetaPert.Sample(4, 4, 4, ref r));
    }
}

public class GammaSamplerTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(5.0)]
    public void Sample_ManyDraws_MeanAndVarianceEqualShape(double shape)
    {
        // Gamma(k, 1): mean = variance = k. N = 100,000: sd of the mean √(k/N) ≤ 0.0071; tolerance 0.04.
        // Variance: tolerance 4% of k.
        const int n = 100_000;
        var x = new double[n];
        for (var d = 0; d < n; d++)
        {
            var r = CounterRandom.Create(8, d, 0);
            x[d] = GammaSampler.Sample(shape, ref r);
        }

        Assert.Equal(shape, Parley.Core.Numerics.Statistics.SampleStatistics.Mean(x), 0.04);
        Assert.Equal(shape, Parley.Core.Numerics.Statistics.SampleStatistics.Variance(x), 0.04 * shape);
    }
}
