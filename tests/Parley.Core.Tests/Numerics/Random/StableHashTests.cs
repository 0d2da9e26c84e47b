using System.Text;
using Parley.Core.Numerics.Random;

namespace Parley.Core.Tests.Numerics.Random;

public class StableHashTests
{
    [Fact]
    public void Fnv1a_Octet_MatchesPublishedTestVector()
    {
        // FNV-1a 64 of the single octet 'a' (0x61) is 0xaf63dc4c8601ec8c (Fowler, Noll and Vo test vectors).
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Fnv1a((byte)'a'));
        Assert.Equal(0xcbf29ce484222325UL, StableHash.Empty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dprk")]
    [InlineData("nuclear-end-state")]
    [InlineData("Ünïcødé ✓")]
    public void Fnv1a_String_EqualsOctetWiseOverUtf16LittleEndian(string text)
    {
        var expected = StableHash.Empty;
        foreach (var b in Encoding.Unicode.GetBytes(text))
        {
            expected = StableHash.Fnv1a(b, expected);
        }

        Assert.Equal(expected, StableHash.Fnv1a(text));
    }

    [Fact]
    public void Fnv1a_Parts_SeparatorKeepsSplitsApart()
    {
        Assert.NotEqual(StableHash.Fnv1a("ab", "c"), StableHash.Fnv1a("a", "bc"));
    }

    [Fact]
    public void Mix64_GoldenGamma_IsFirstSplitMix64Output()
    {
        // SplitMix64 seeded with 0 first outputs 0xe220a8397b1dcdaf (reference implementation by Vigna).
        Assert.Equal(0xe220a8397b1dcdafUL, StableHash.Mix64(0x9E3779B97F4A7C15UL));
    }
}
