using Parley.Core.Numerics.Statistics;

namespace Parley.Core.Analysis.Advice;

/// <summary>
/// The distribution of a per-draw quantity under one model over paired draws: mean and 80% interval [P10, P90]
/// (Hyndman–Fan type 7 quantiles). Used for gains (salience-weighted percent of scale) and for changes of a forecast.
/// </summary>
/// <param name="ModelId">The model.</param>
/// <param name="Mean">Mean over the draws.</param>
/// <param name="P10">10th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="ProbabilityPositive">Share of draws with a value &gt; 0.</param>
public sealed record GainEstimate(string ModelId, double Mean, double P10, double P50, double P90, double ProbabilityPositive)
{
    /// <summary>Summarises <paramref name="values"/> (not changed).</summary>
    public static GainEstimate From(string modelId, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (values.Length == 0)
        {
            throw new ArgumentException("A gain estimate needs at least one draw.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var positive = 0;
        foreach (var v in sorted)
        {
            if (v > 0)
            {
                positive++;
            }
        }

        return new GainEstimate(
            modelId,
            SampleStatistics.Mean(values),
            SampleStatistics.QuantileOfSorted(sorted, 0.10),
            SampleStatistics.QuantileOfSorted(sorted, 0.50),
            SampleStatistics.QuantileOfSorted(sorted, 0.90),
            (double)positive / sorted.Length);
    }

    /// <summary>An exact zero (an issue a change does not touch: its paired draws are identical).</summary>
    public static GainEstimate Zero(string modelId) => new(modelId, 0, 0, 0, 0, 0);
}
