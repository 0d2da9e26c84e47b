using Parley.Core.Numerics.Random;
using Parley.Core.Scenarios;

namespace Parley.Core.Uncertainty;

/// <summary>Turns estimates into values: by distribution, from a stream or a uniform, clamped to the field's domain.</summary>
public static class EstimateSampler
{
    /// <summary>
    /// Draws a value of <paramref name="estimate"/> from its per-quantity stream. A point estimate (low = high) returns
    /// the point without touching the stream. The result is clamped to the domain (see <see cref="Clamp"/>).
    /// </summary>
    public static double Sample(in Estimate estimate, SamplingDistribution distribution, ref CounterRandom random, ValueField field, double scaleLow, double scaleHigh)
    {
        if (!(estimate.High > estimate.Low))
        {
            return Clamp(estimate.Mode, field, scaleLow, scaleHigh);
        }

        var value = distribution == SamplingDistribution.Pert
            ? BetaPert.Sample(estimate.Low, estimate.Mode, estimate.High, ref random)
            : Triangular.InverseCdf(estimate.Low, estimate.Mode, estimate.High, random.NextOpenUniform());
        return Clamp(value, field, scaleLow, scaleHigh);
    }

    /// <summary>
    /// The value that uniform <paramref name="u"/> ∈ (0, 1) maps to, for variance-based sensitivity analysis.
    /// Triangular: the inverse CDF. PERT: a PERT draw from a stream seeded by the bits of u; that map is not monotone,
    /// but it is a fixed function of u that gives the PERT distribution when u is uniform, which is all Sobol indices need.
    /// </summary>
    public static double FromUniform(in Estimate estimate, SamplingDistribution distribution, double u, ValueField field, double scaleLow, double scaleHigh)
    {
        if (!(estimate.High > estimate.Low))
        {
            return Clamp(estimate.Mode, field, scaleLow, scaleHigh);
        }

        if (distribution == SamplingDistribution.Pert)
        {
            var random = CounterRandom.FromState(BitConverter.DoubleToUInt64Bits(u));
            return Clamp(BetaPert.Sample(estimate.Low, estimate.Mode, estimate.High, ref random), field, scaleLow, scaleHigh);
        }

        return Clamp(Triangular.InverseCdf(estimate.Low, estimate.Mode, estimate.High, u), field, scaleLow, scaleHigh);
    }

    /// <summary>Clamps a position to [scaleLow, scaleHigh], a salience to [0, 100] and a capability to ≥ 0.</summary>
    public static double Clamp(double value, ValueField field, double scaleLow, double scaleHigh) => field switch
    {
        ValueField.Position => Math.Clamp(value, scaleLow, scaleHigh),
        ValueField.Salience => Math.Clamp(value, 0, 100),
        _ => Math.Max(value, 0),
    };
}
