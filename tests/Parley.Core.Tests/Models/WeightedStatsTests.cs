using Parley.Core.Numerics;

namespace Parley.Core.Tests.Numerics;

// Lives beside the model tests because WeightedStats exists for them; mirrors src/Parley.Core/Numerics.
public sealed class WeightedStatsTests
{
    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 1.0, 1.0 }, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 1.0, 2.0 }, 2.0)] // W(<2)=1 ≤ 2, W(>2)=2 ≤ 2
    [InlineData(new[] { 1.0, 3.0 }, new[] { 1.0, 1.0 }, 1.0)] // exact tie → lower
    [InlineData(new[] { 3.0, 1.0 }, new[] { 1.0, 1.0 }, 1.0)] // order does not matter
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 0.0, 1.0 }, 1.0)] // zero-weight middle: tie still → lowest
    [InlineData(new[] { 5.0, 5.0, 1.0 }, new[] { 1.0, 1.0, 1.5 }, 5.0)] // equal values pool their weight
    [InlineData(new[] { 7.0 }, new[] { 0.5 }, 7.0)]
    public void Median_Cases_SmallestBalancedPosition(double[] values, double[] weights, double expected)
    {
        var scratch = new double[WeightedStats.MedianScratchLength(values.Length)];

        Assert.Equal(expected, WeightedStats.Median(values, weights, scratch), 0);
    }

    [Fact]
    public void Median_ScratchTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightedStats.Median([1.0, 2.0], [1.0, 1.0], new double[5]));
    }

    [Fact]
    public void Median_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightedStats.Median([], [], new double[3]));
    }

    [Fact]
    public void Median_Warm_AllocatesNothing()
    {
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6], weights = [1, 2, 3, 4, 5, 6, 7, 8];
        var scratch = new double[WeightedStats.MedianScratchLength(values.Length)];
        WeightedStats.Median(values, weights, scratch);

        var allocated = Allocation.Fewest(() => WeightedStats.Median(values, weights, scratch));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Mean_Weights_IsWeightedAverage()
    {
        // (1·1 + 3·3) / 4 = 2.5, tolerance 1e-15
        Assert.Equal(2.5, WeightedStats.Mean([1.0, 3.0], [1.0, 3.0]), 1e-15);
    }

    [Fact]
    public void Mean_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightedStats.Mean([1.0, 3.0], [1.0]));
    }
}
