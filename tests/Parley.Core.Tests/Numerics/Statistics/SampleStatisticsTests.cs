using Parley.Core.Numerics.Statistics;

namespace Parley.Core.Tests.Numerics.Statistics;

public class SampleStatisticsTests
{
    [Theory]
    // Sorted 1, 2, 3, 4; type 7: h = 3p, interpolate (hand-computed)
    [InlineData(0.0, 1.0)]
    [InlineData(0.1, 1.3)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.9, 3.7)]
    [InlineData(1.0, 4.0)]
    public void QuantileOfSorted_FourValues_Type7(double p, double expected)
    {
        Assert.Equal(expected, SampleStatistics.QuantileOfSorted([1.0, 2, 3, 4], p), 1e-12);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void QuantileOfSorted_BadP_Throws(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleStatistics.QuantileOfSorted([1.0], p));
    }

    [Fact]
    public void QuantileOfSorted_Empty_IsNaN()
    {
        Assert.True(double.IsNaN(SampleStatistics.QuantileOfSorted([], 0.5)));
    }

    [Fact]
    public void MeanAndVariance_SmallSample_AsByHand()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sample variance 32/7 (tolerance 1e-12)
        double[] x = [2, 4, 4, 4, 5, 5, 7, 9];
        Assert.Equal(5, SampleStatistics.Mean(x), 1e-12);
        Assert.Equal(32.0 / 7, SampleStatistics.Variance(x), 1e-12);
        Assert.True(double.IsNaN(SampleStatistics.Variance([1.0])));
    }

    [Theory]
    [InlineData(0.5, 1.0, 0.0)]
    [InlineData(1.0, 1.0, 0.25)]
    [InlineData(2.5, 0.5, 0.5)]
    [InlineData(4.0, 0.25, 1.0)]
    [InlineData(5.0, 0.0, 1.0)]
    public void Fractions_Ties_CountOnBothSides(double t, double atLeast, double atMost)
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(atLeast, SampleStatistics.FractionAtLeast(sorted, t));
        Assert.Equal(atMost, SampleStatistics.FractionAtMost(sorted, t));
    }
}
