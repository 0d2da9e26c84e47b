namespace Parley.Storage.Tests;

public sealed class ContentHashTests
{
    [Fact]
    public void Of_Abc_MatchesFips180Vector()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.Of("abc"));
    }

    [Fact]
    public void Of_LineEndingsDiffer_HashesDiffer()
    {
        Assert.NotEqual(ContentHash.Of("a: 1\nb: 2\n"), ContentHash.Of("a: 1\r\nb: 2\r\n"));
    }

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", false)]
    [InlineData("ba7816bf", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsWellFormed_Values_Classified(string? value, bool expected)
    {
        Assert.Equal(expected, ContentHash.IsWellFormed(value));
    }
}
