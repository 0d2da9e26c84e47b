namespace Parley.Core.Uncertainty;

/// <summary>Settings of a Monte Carlo run. Immutable; copy with <c>with</c>.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>Number of draws N. Range: ≥ 1. Default 10,000.</summary>
    public int Draws { get; init; } = 10_000;

    /// <summary>Seed of the counter-based generator. The outputs are a pure function of (scenario, models, seed, draws, distribution).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>How estimates are sampled. Default triangular.</summary>
    public SamplingDistribution Distribution { get; init; } = SamplingDistribution.Triangular;

    /// <summary>Worker threads; null for all cores. Results are bit-identical whatever the value.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Extra quantiles to report besides p10, p50 and p90, each in [0, 1].</summary>
    public IReadOnlyList<double> Quantiles { get; init; } = [];

    /// <summary>Thresholds t (native units) for which P(outcome ≥ t) and P(outcome ≤ t) are reported on every issue.</summary>
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    /// <summary>Equal-width histogram bins over each issue's scale. Range: ≥ 1. Default 20.</summary>
    public int HistogramBins { get; init; } = 20;

    /// <summary>Issues to simulate, by id; null for all issues of the scenario.</summary>
    public IReadOnlyList<string>? IssueIds { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (Draws < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Draws), Draws, $"Draws must be ≥ 1; got {Draws}.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, $"Degree of parallelism must be ≥ 1; got {MaxDegreeOfParallelism}.");
        }

        if (HistogramBins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HistogramBins), HistogramBins, $"Histogram bins must be ≥ 1; got {HistogramBins}.");
        }

        foreach (var q in Quantiles)
        {
            Guard.InRange(q, 0, 1, nameof(Quantiles));
        }

        foreach (var t in Thresholds)
        {
            Guard.Finite(t, nameof(Thresholds));
        }

        if (!Enum.IsDefined(Distribution))
        {
            throw new ArgumentOutOfRangeException(nameof(Distribution), Distribution, "Distribution must be Triangular or Pert.");
        }
    }
}
