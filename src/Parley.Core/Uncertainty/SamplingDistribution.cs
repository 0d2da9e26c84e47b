namespace Parley.Core.Uncertainty;

/// <summary>How a low/mode/high estimate is turned into random draws.</summary>
public enum SamplingDistribution
{
    /// <summary>Triangular(low, mode, high), sampled by its inverse CDF from one uniform (the default).</summary>
    Triangular,

    /// <summary>Beta-PERT with λ = 4 on [low, high] peaking at mode; sampled from two gamma draws (Marsaglia–Tsang).</summary>
    Pert,
}
