namespace Parley.Core.Numerics.Random;

/// <summary>
/// A counter-based random stream: its state is a pure function of (seed, index, key), so the numbers that draw
/// <c>index</c> uses for the quantity named by <c>key</c> never depend on which thread, machine or order computed
/// them. Within one stream successive numbers come from SplitMix64 (Steele, Lea and Flood 2014), which lets
/// rejection samplers take as many numbers as they need without disturbing any other stream.
/// </summary>
/// <remarks>
/// A mutable struct: pass it by <c>ref</c>. It allocates nothing. Not a cryptographic generator.
/// </remarks>
public struct CounterRandom
{
    // The golden-ratio increment of SplitMix64.
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);

    private ulong _state;

    private CounterRandom(ulong state)
    {
        _state = state;
    }

    /// <summary>
    /// The per-index key of <paramref name="seed"/> and <paramref name="index"/> (e.g. a draw number): compute it once
    /// per draw and pass it to <see cref="ForKey(ulong, ulong)"/> for each quantity of that draw.
    /// </summary>
    public static ulong IndexKey(ulong seed, long index)
    {
        unchecked
        {
            return StableHash.Mix64(StableHash.Mix64(seed) ^ StableHash.Mix64((ulong)index + Gamma));
        }
    }

    /// <summary>The stream for one quantity (named by <paramref name="key"/>, e.g. a stable hash of actor/issue/field) within one index.</summary>
    /// <param name="indexKey">From <see cref="IndexKey"/>.</param>
    /// <param name="key">A stable hash naming the quantity.</param>
    public static CounterRandom ForKey(ulong indexKey, ulong key) => ForPreparedKey(indexKey, PrepareKey(key));

    /// <summary>
    /// The key-only half of <see cref="ForKey"/>: compute it once per quantity (not per draw) and pass it to
    /// <see cref="ForPreparedKey"/>, which then costs one mixing step per stream instead of two.
    /// </summary>
    public static ulong PrepareKey(ulong key)
    {
        unchecked
        {
            return StableHash.Mix64(key ^ 0xD1B54A32D192ED03UL);
        }
    }

    /// <summary>Equals <c>ForKey(indexKey, key)</c> when <paramref name="preparedKey"/> = <see cref="PrepareKey"/>(key).</summary>
    public static CounterRandom ForPreparedKey(ulong indexKey, ulong preparedKey) => new(StableHash.Mix64(indexKey ^ preparedKey));

    /// <summary>Shorthand for <c>ForKey(IndexKey(seed, index), key)</c>.</summary>
    public static CounterRandom Create(ulong seed, long index, ulong key) => ForKey(IndexKey(seed, index), key);

    /// <summary>The stream whose state is the given word (after mixing); used to derive a stream from a number.</summary>
    public static CounterRandom FromState(ulong state) => new(StableHash.Mix64(state));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += Gamma;
            return StableHash.Mix64(_state);
        }
    }

    /// <summary>A uniform number in the open interval (0, 1): 53 random bits, offset by half a step so 0 and 1 never occur.</summary>
    public double NextOpenUniform() => ((NextUInt64() >> 11) + 0.5) * TwoPowMinus53;
}
