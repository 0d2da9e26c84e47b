namespace Parley.Core.Numerics;

/// <summary>
/// Weighted mean and weighted median over spans, without allocation. Summation runs in a fixed order
/// (index order for the mean, ascending value order for the median), so results are reproducible bit for bit.
/// </summary>
/// <remarks>
/// Weights must be finite and ≥ 0 with a positive total; values must be finite. These are preconditions:
/// the hot-loop callers validate once, so the methods here only check lengths.
/// </remarks>
public static class WeightedStats
{
    /// <summary>The number of scratch doubles <see cref="Median"/> needs for <paramref name="count"/> values.</summary>
    public static int MedianScratchLength(int count) => checked(3 * count);

    /// <summary>
    /// Returns <c>Σ wᵢ·xᵢ / Σ wᵢ</c>, in the units of <paramref name="values"/>; always within the range of the values
    /// that have positive weight.
    /// </summary>
    /// <param name="values">Finite values.</param>
    /// <param name="weights">Finite weights ≥ 0, same length, positive total.</param>
    public static double Mean(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        CheckLengths(values, weights);
        double sum = 0, total = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            sum += weights[i] * values[i];
            total += weights[i];
            if (weights[i] > 0)
            {
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }
        }

        // The quotient can land an ulp outside the weighted values' range (e.g. one actor: w·x/w ≠ x);
        // clamping keeps the documented invariant min ≤ mean ≤ max exact.
        var mean = sum / total;
        return min <= max ? Math.Clamp(mean, min, max) : mean;
    }

    /// <summary>
    /// Returns the weighted median: the smallest value m among <paramref name="values"/> with
    /// W(&lt;m) ≤ W/2 and W(&gt;m) ≤ W/2, where W(·) sums the weights of the values below/above m and W is the total.
    /// An exact tie (W(&lt;m) = W(&gt;m') = W/2 for two neighbouring values) goes to the lower value.
    /// </summary>
    /// <param name="values">Finite values.</param>
    /// <param name="weights">Finite weights ≥ 0, same length, positive total.</param>
    /// <param name="scratch">Work space of at least <see cref="MedianScratchLength"/>(n) doubles; overwritten.</param>
    /// <remarks>This is the Condorcet winner under linear (ρ = 1) votes; see docs/models.md.</remarks>
    public static double Median(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, Span<double> scratch)
    {
        CheckLengths(values, weights);
        var n = values.Length;
        if (n == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        if (scratch.Length < MedianScratchLength(n))
        {
            throw new ArgumentException($"Scratch needs {MedianScratchLength(n)} doubles for {n} values; got {scratch.Length}.", nameof(scratch));
        }

        var keys = scratch[..n];
        var w = scratch.Slice(n, n);
        var above = scratch.Slice(2 * n, n);
        values.CopyTo(keys);
        weights.CopyTo(w);
        keys.Sort(w);

        // above[k] = weight strictly after sorted index k, summed from the top down so that W(>m) is a sum,
        // not a difference (a difference could turn an exact tie into a rounding accident).
        double acc = 0;
        for (var k = n - 1; k >= 0; k--)
        {
            above[k] = acc;
            acc += w[k];
        }

        var half = acc / 2;
        double below = 0;
        var start = 0;
        var fallback = double.NaN;
        while (start < n)
        {
            var end = start;
            var group = w[start];
            while (end + 1 < n && keys[end + 1] == keys[start])
            {
                end++;
                group += w[end];
            }

            if (above[end] <= half)
            {
                if (below <= half)
                {
                    return keys[start];
                }

                if (double.IsNaN(fallback))
                {
                    fallback = keys[start];
                }
            }

            below += group;
            start = end + 1;
        }

        // In exact arithmetic the first group with W(>m) ≤ W/2 also has W(<m) ≤ W/2, so this is reached only
        // when rounding in the two running sums disagrees by an ulp; the first such group is then the median.
        return double.IsNaN(fallback) ? keys[n - 1] : fallback;
    }

    private static void CheckLengths(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (values.Length != weights.Length)
        {
            throw new ArgumentException($"Got {values.Length} values but {weights.Length} weights.", nameof(weights));
        }
    }
}
