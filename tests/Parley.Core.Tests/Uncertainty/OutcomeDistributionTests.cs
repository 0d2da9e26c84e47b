using Parley.Core.Uncertainty;

namespace Parley.Core.Tests.Uncertainty;

public class OutcomeDistributionTests
{
    // Draws 4, 1, 3, 2 (draw order) on a 0-10 scale. Sorted 1, 2, 3, 4; type 7: h = 3p.
    // p10: h = 0.3 → 1.3;  p50: h = 1.5 → 2.5;  p90: h = 2.7 → 3.7;  p25: h = 0.75 → 1.75.
    // Mean 2.5; sample variance (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3.
    private static OutcomeDistribution Small() => new([4, 1, 3, 2], 7, 0, 10, 5, [0.25], [2, 2.5]);

    [Fact]
    public void Constructor_SmallSample_StatisticsAsComputedByHand()
    {
        var d = Small();

        // Tolerance 1e-12 for all
        Assert.Equal(4, d.Count);
        Assert.Equal(7UL, d.Seed);
        Assert.Equal(2.5, d.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(5.0 / 3), d.StandardDeviation, 1e-12);
        Assert.Equal(1.3, d.P10, 1e-12);
        Assert.Equal(2.5, d.P50, 1e-12);
        Assert.Equal(3.7, d.P90, 1e-12);
        Assert.Equal(1.75, d.Quantiles.Single().Value, 1e-12);
        Assert.Equal((1.0, 4.0), (d.Min, d.Max));
    }

    [Fact]
    public void Thresholds_SmallSample_CountTiesOnBothSides()
    {
        var d = Small();

        // t = 2: draws ≥ 2 are 2, 3, 4 (3/4); draws ≤ 2 are 1, 2 (2/4). t = 2.5: 2/4 each side.
        Assert.Equal(new ThresholdProbability(2, 0.75, 0.5), d.Thresholds[0]);
        Assert.Equal(new ThresholdProbability(2.5, 0.5, 0.5), d.Thresholds[1]);
    }

    [Fact]
    public void Histogram_SmallSample_BinsOverTheScale()
    {
        var d = Small();

        // 5 bins of width 2 over 0-10: [0,2) has 1; [2,4) has 2 and 3; [4,6) has 4.
        Assert.Equal([0.0, 2, 4, 6, 8, 10], d.Histogram.Edges);
        Assert.Equal([1L, 2, 1, 0, 0], d.Histogram.Counts);
    }

    [Fact]
    public void Draws_KeepDrawOrder()
    {
        Assert.Equal([4.0, 1, 3, 2], Small().Draws.ToArray());
    }

    [Fact]
    public void Constructor_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OutcomeDistribution([], 1, 0, 1, 1, [], []));
    }
}
