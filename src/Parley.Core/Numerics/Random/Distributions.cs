namespace Parley.Core.Numerics.Random;

/// <summary>
/// Triangular distribution on [low, high] with peak at mode. Sampled by its inverse CDF so that one uniform gives
/// one value, monotonically: the same uniform with a shifted or widened range gives the correspondingly moved value
/// (which is what makes paired comparisons of variants tight).
/// </summary>
public static class Triangular
{
    /// <summary>The inverse CDF at <paramref name="u"/> ∈ [0, 1]. Requires low ≤ mode ≤ high; low = high returns low.</summary>
    public static double InverseCdf(double low, double mode, double high, double u)
    {
        var width = high - low;
        if (!(width > 0))
        {
            return low;
        }

        var split = (mode - low) / width;
        return u < split
            ? low + Math.Sqrt(u * width * (mode - low))
            : high - Math.Sqrt((1 - u) * width * (high - mode));
    }

    /// <summary>Mean (low + mode + high) / 3.</summary>
    public static double Mean(double low, double mode, double high) => (low + mode + high) / 3;
}

/// <summary>
/// Beta-PERT distribution on [low, high] with mode m and shape λ = 4: X = low + (high − low)·Beta(α, β) with
/// α = 1 + 4(m − low)/(high − low), β = 1 + 4(high − m)/(high − low) (Vose 2008, ch. 9). Mean (low + 4m + high)/6.
/// </summary>
public static class BetaPert
{
    /// <summary>The PERT shape parameter λ.</summary>
    public const double Lambda = 4;

    /// <summary>Draws one value, consuming numbers from <paramref name="random"/> (a per-quantity stream). low = high returns low.</summary>
    public static double Sample(double low, double mode, double high, ref CounterRandom random)
    {
        var width = high - low;
        if (!(width > 0))
        {
            return low;
        }

        var alpha = 1 + (Lambda * (mode - low) / width);
        var beta = 1 + (Lambda * (high - mode) / width);
        var x = GammaSampler.Sample(alpha, ref random);
        var y = GammaSampler.Sample(beta, ref random);
        return low + (width * (x / (x + y)));
    }

    /// <summary>Mean (low + 4·mode + high) / 6.</summary>
    public static double Mean(double low, double mode, double high) => (low + (Lambda * mode) + high) / (Lambda + 2);
}

/// <summary>Gamma(shape, 1) by Marsaglia and Tsang (2000), for shape ≥ 1 (PERT's α, β are always ≥ 1).</summary>
public static class GammaSampler
{
    /// <summary>
    /// Draws Gamma(<paramref name="shape"/>, 1). The rejection loop takes as many numbers as it needs from
    /// <paramref name="random"/>; because the stream belongs to one quantity of one draw, the result is still a pure
    /// function of (seed, draw, key).
    /// </summary>
    /// <param name="shape">Range: shape ≥ 1.</param>
    /// <param name="random">The stream to consume.</param>
    public static double Sample(double shape, ref CounterRandom random)
    {
        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = StandardNormal(ref random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextOpenUniform();
            var x2 = x * x;
            if (u < 1 - (0.0331 * x2 * x2))
            {
                return d * v;
            }

            if (Math.Log(u) < (0.5 * x2) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>A standard normal by Box–Muller (one of the pair; the other is discarded to keep the stream stateless).</summary>
    public static double StandardNormal(ref CounterRandom random)
    {
        var u1 = random.NextOpenUniform();
        var u2 = random.NextOpenUniform();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
