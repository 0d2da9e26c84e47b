namespace Parley.Core.Numerics.Statistics;

/// <summary>
/// Counts of a sample in equal-width bins. Bin k covers [Edges[k], Edges[k+1]); the last bin also includes its upper
/// edge. Values below the first edge count in the first bin and values above the last edge in the last bin, so the
/// counts always add up to the sample size. Immutable.
/// </summary>
public sealed class Histogram
{
    private readonly double[] _edges;
    private readonly long[] _counts;

    private Histogram(double[] edges, long[] counts)
    {
        _edges = edges;
        _counts = counts;
    }

    /// <summary>Bin edges, ascending; one more than <see cref="Counts"/>.</summary>
    public IReadOnlyList<double> Edges => _edges;

    /// <summary>Number of values per bin.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>Number of bins.</summary>
    public int BinCount => _counts.Length;

    /// <summary>
    /// Bins <paramref name="values"/> into <paramref name="bins"/> equal bins over [<paramref name="low"/>, <paramref name="high"/>].
    /// When low = high there is one bin [low, low].
    /// </summary>
    /// <param name="values">The sample.</param>
    /// <param name="low">First edge; finite.</param>
    /// <param name="high">Last edge; finite, ≥ low.</param>
    /// <param name="bins">Range: ≥ 1.</param>
    public static Histogram Create(ReadOnlySpan<double> values, double low, double high, int bins)
    {
        Guard.Finite(low, nameof(low));
        Guard.Finite(high, nameof(high));
        Guard.Positive(bins, nameof(bins));
        if (high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"Histogram end {high} must not be below its start {low}.");
        }

        if (high == low)
        {
            bins = 1;
        }

        var edges = new double[bins + 1];
        var width = (high - low) / bins;
        for (var k = 0; k <= bins; k++)
        {
            edges[k] = k == bins ? high : low + (k * width);
        }

        var counts = new long[bins];
        foreach (var v in values)
        {
            int k;
            if (!(v > low) || width == 0)
            {
                k = 0;
            }
            else if (v >= high)
            {
                k = bins - 1;
            }
            else
            {
                k = Math.Min(bins - 1, (int)((v - low) / width));
            }

            counts[k]++;
        }

        return new Histogram(edges, counts);
    }
}
