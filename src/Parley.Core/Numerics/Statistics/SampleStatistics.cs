namespace Parley.Core.Numerics.Statistics;

/// <summary>
/// Summary statistics of a sample. Sums run in index order, so the same sample always gives the same bits.
/// </summary>
public static class SampleStatistics
{
    /// <summary>Arithmetic mean; NaN for an empty sample.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>Sample variance with the n − 1 denominator (two-pass); NaN for fewer than two values.</summary>
    public static double Variance(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            sum += d * d;
        }

        return sum / (values.Length - 1);
    }

    /// <summary>Sample standard deviation (n − 1 denominator); NaN for fewer than two values.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values) => Math.Sqrt(Variance(values));

    /// <summary>
    /// The <paramref name="p"/>-quantile of an ascending-sorted sample by Hyndman and Fan (1996) type 7 (the default of
    /// R and NumPy): h = (n − 1)p, linear interpolation between the order statistics around h. p = 0 gives the
    /// minimum, p = 1 the maximum. NaN for an empty sample.
    /// </summary>
    /// <param name="sorted">Ascending values.</param>
    /// <param name="p">Range: 0 ≤ p ≤ 1.</param>
    public static double QuantileOfSorted(ReadOnlySpan<double> sorted, double p)
    {
        Guard.InRange(p, 0, 1, nameof(p));
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + (frac * (sorted[lo + 1] - sorted[lo]));
    }

    /// <summary>Share of an ascending-sorted sample that is ≥ <paramref name="threshold"/>; NaN for an empty sample.</summary>
    public static double FractionAtLeast(ReadOnlySpan<double> sorted, double threshold) =>
        sorted.IsEmpty ? double.NaN : (double)(sorted.Length - LowerBound(sorted, threshold)) / sorted.Length;

    /// <summary>Share of an ascending-sorted sample that is ≤ <paramref name="threshold"/>; NaN for an empty sample.</summary>
    public static double FractionAtMost(ReadOnlySpan<double> sorted, double threshold) =>
        sorted.IsEmpty ? double.NaN : (double)UpperBound(sorted, threshold) / sorted.Length;

    // First index whose value is >= threshold.
    private static int LowerBound(ReadOnlySpan<double> sorted, double threshold)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (sorted[mid] < threshold)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // First index whose value is > threshold.
    private static int UpperBound(ReadOnlySpan<double> sorted, double threshold)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (sorted[mid] <= threshold)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
