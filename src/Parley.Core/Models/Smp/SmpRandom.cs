namespace Parley.Core.Models.Smp;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a small, seedable 64-bit generator whose stream depends on the seed only,
/// so stochastic SMP runs are reproducible. Not thread-safe; the model draws from it on one thread in actor order.
/// </summary>
internal sealed class SmpRandom
{
    private ulong _state;

    public SmpRandom(ulong seed)
    {
        _state = seed;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An index drawn with probabilities <paramref name="p"/> (which sum to 1 up to rounding).</summary>
    public int Choose(ReadOnlySpan<double> p)
    {
        var u = NextDouble();
        double cum = 0;
        for (var i = 0; i < p.Length; i++)
        {
            cum += p[i];
            if (u < cum)
            {
                return i;
            }
        }

        // Rounding left the cumulative sum a hair below u: take the last option with positive probability.
        for (var i = p.Length - 1; i >= 0; i--)
        {
            if (p[i] > 0)
            {
                return i;
            }
        }

        return 0;
    }

    private ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
