using Parley.Core.Numerics.Statistics;

namespace Parley.Core.Uncertainty;

/// <summary>A quantile of the simulated outcomes.</summary>
/// <param name="Probability">p ∈ [0, 1].</param>
/// <param name="Value">The p-quantile (Hyndman–Fan type 7), native units.</param>
public readonly record struct QuantileValue(double Probability, double Value);

/// <summary>The share of draws on either side of a threshold.</summary>
/// <param name="Threshold">t, native units.</param>
/// <param name="AtLeast">P(outcome ≥ t), the share of draws at or above t.</param>
/// <param name="AtMost">P(outcome ≤ t), the share of draws at or below t.</param>
public readonly record struct ThresholdProbability(double Threshold, double AtLeast, double AtMost);

/// <summary>
/// The distribution of a model's outcome on one issue over N Monte Carlo draws. Quantiles are Hyndman–Fan type 7
/// (linear interpolation between order statistics, as R's and NumPy's default): p10 and p90 are the 10th and 90th
/// percentiles of the simulated outcomes, so 80% of draws lie between them. Probabilities are shares of draws.
/// Immutable.
/// </summary>
public sealed class OutcomeDistribution
{
    private readonly double[] _draws;
    private readonly double[] _sorted;

    /// <summary>Summarises <paramref name="draws"/> (in draw order; the array is kept, not copied: do not change it).</summary>
    /// <param name="draws">Outcomes, draw d at index d. Non-empty.</param>
    /// <param name="seed">The seed that produced them.</param>
    /// <param name="scaleLow">The scale start (histogram range).</param>
    /// <param name="scaleHigh">The scale end.</param>
    /// <param name="histogramBins">Equal-width bins over the scale.</param>
    /// <param name="quantiles">Extra quantiles to report.</param>
    /// <param name="thresholds">Thresholds to report P(≥ t), P(≤ t) for.</param>
    public OutcomeDistribution(double[] draws, ulong seed, double scaleLow, double scaleHigh, int histogramBins, IReadOnlyList<double> quantiles, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(quantiles);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (draws.Length == 0)
        {
            throw new ArgumentException("An outcome distribution needs at least one draw.", nameof(draws));
        }

        _draws = draws;
        _sorted = (double[])draws.Clone();
        Array.Sort(_sorted);
        Seed = seed;
        Mean = SampleStatistics.Mean(draws);
        StandardDeviation = draws.Length < 2 ? 0 : SampleStatistics.StandardDeviation(draws);
        P10 = Quantile(0.10);
        P50 = Quantile(0.50);
        P90 = Quantile(0.90);
        Quantiles = quantiles.Select(p => new QuantileValue(p, Quantile(p))).ToArray();
        Thresholds = thresholds.Select(t => new ThresholdProbability(t, ProbabilityAtLeast(t), ProbabilityAtMost(t))).ToArray();
        Histogram = Histogram.Create(draws, Math.Min(scaleLow, _sorted[0]), Math.Max(scaleHigh, _sorted[^1]), histogramBins);
    }

    /// <summary>Number of draws N.</summary>
    public int Count => _draws.Length;

    /// <summary>The seed of the run.</summary>
    public ulong Seed { get; }

    /// <summary>Mean outcome, native units.</summary>
    public double Mean { get; }

    /// <summary>Sample standard deviation (n − 1), native units; 0 for one draw.</summary>
    public double StandardDeviation { get; }

    /// <summary>Smallest outcome.</summary>
    public double Min => _sorted[0];

    /// <summary>Largest outcome.</summary>
    public double Max => _sorted[^1];

    /// <summary>10th percentile of the outcomes.</summary>
    public double P10 { get; }

    /// <summary>Median of the outcomes.</summary>
    public double P50 { get; }

    /// <summary>90th percentile of the outcomes.</summary>
    public double P90 { get; }

    /// <summary>The extra quantiles requested in the options, in request order.</summary>
    public IReadOnlyList<QuantileValue> Quantiles { get; }

    /// <summary>P(outcome ≥ t) and P(outcome ≤ t) for each requested threshold.</summary>
    public IReadOnlyList<ThresholdProbability> Thresholds { get; }

    /// <summary>
    /// Equal-width histogram over the scale (widened to the outcomes' range if a model ever leaves the scale).
    /// </summary>
    public Histogram Histogram { get; }

    /// <summary>The raw outcomes, draw d at index d (for export and paired comparisons).</summary>
    public ReadOnlySpan<double> Draws => _draws;

    /// <summary>The p-quantile (type 7). Range: 0 ≤ p ≤ 1.</summary>
    public double Quantile(double p) => SampleStatistics.QuantileOfSorted(_sorted, p);

    /// <summary>P(outcome ≥ t): the share of draws at or above <paramref name="threshold"/>.</summary>
    public double ProbabilityAtLeast(double threshold) => SampleStatistics.FractionAtLeast(_sorted, threshold);

    /// <summary>P(outcome ≤ t): the share of draws at or below <paramref name="threshold"/>.</summary>
    public double ProbabilityAtMost(double threshold) => SampleStatistics.FractionAtMost(_sorted, threshold);
}
