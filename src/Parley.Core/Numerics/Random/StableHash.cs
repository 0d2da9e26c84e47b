namespace Parley.Core.Numerics.Random;

/// <summary>
/// Hashes that are the same on every machine, process and .NET version (unlike <see cref="string.GetHashCode()"/>,
/// which is randomised per process). Used to key random streams by names such as actor and issue ids.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffsetBasis = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The FNV-1a 64-bit offset basis: the hash of the empty input.</summary>
    public static ulong Empty => FnvOffsetBasis;

    /// <summary>
    /// FNV-1a (64-bit) of <paramref name="text"/>, continuing from <paramref name="hash"/>. Each UTF-16 code unit is
    /// fed as two octets, low byte first, so the result does not depend on the platform's byte order.
    /// </summary>
    public static ulong Fnv1a(string text, ulong hash = FnvOffsetBasis)
    {
        ArgumentNullException.ThrowIfNull(text);
        unchecked
        {
            foreach (var ch in text)
            {
                hash = (hash ^ (byte)ch) * FnvPrime;
                hash = (hash ^ (byte)(ch >> 8)) * FnvPrime;
            }
        }

        return hash;
    }

    /// <summary>FNV-1a (64-bit) step for one octet, continuing from <paramref name="hash"/>.</summary>
    public static ulong Fnv1a(byte octet, ulong hash = FnvOffsetBasis)
    {
        unchecked
        {
            return (hash ^ octet) * FnvPrime;
        }
    }

    /// <summary>
    /// FNV-1a (64-bit) of several parts, each followed by a unit-separator octet (0x1F) so that
    /// ("ab", "c") and ("a", "bc") hash differently.
    /// </summary>
    public static ulong Fnv1a(params ReadOnlySpan<string> parts)
    {
        var hash = FnvOffsetBasis;
        foreach (var part in parts)
        {
            hash = Fnv1a(part, hash);
            hash = Fnv1a(0x1F, hash);
        }

        return hash;
    }

    /// <summary>
    /// The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijection on 64-bit words with full avalanche,
    /// used to turn structured counters (seed, draw index, key) into well-mixed generator states.
    /// </summary>
    public static ulong Mix64(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
