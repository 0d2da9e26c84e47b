using Parley.Core.Numerics.Statistics;

namespace Parley.Core.Tests.Numerics.Statistics;

public class HistogramTests
{
    [Fact]
    public void Create_ValuesOnEdgesAndOutside_LandInEndBinsAndCountsSumToN()
    {
        // Bins [0,1), [1,2), [2,3], values: −1 → bin 0; 0 → 0; 1 → 1; 2.5 → 2; 3 (upper edge) → 2; 7 → 2
        var h = Histogram.Create([-1.0, 0, 1, 2.5, 3, 7], 0, 3, 3);
        Assert.Equal([0.0, 1, 2, 3], h.Edges);
        Assert.Equal([2L, 1, 3], h.Counts);
    }

    [Fact]
    public void Create_DegenerateRange_OneBin()
    {
        var h = Histogram.Create([5.0, 5, 5], 5, 5, 10);
        Assert.Equal(1, h.BinCount);
        Assert.Equal(3, h.Counts[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Create_BadBins_Throws(int bins)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.Create([1.0], 0, 1, bins));
    }
}
