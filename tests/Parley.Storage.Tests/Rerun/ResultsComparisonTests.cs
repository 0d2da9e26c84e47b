using Parley.Storage.Rerun;

namespace Parley.Storage.Tests.Rerun;

public sealed class ResultsComparisonTests
{
    [Fact]
    public void Compare_SameText_Identical()
    {
        var result = ResultsComparison.Compare("{\"a\":1}\n", "{\"a\":1}\n");

        Assert.True(result.Identical);
        Assert.Equal(-1, result.ByteOffset);
        Assert.Equal(8, result.StoredLength);
    }

    [Fact]
    public void Compare_DifferOnThirdLine_ReportsByteLineAndColumn()
    {
        // Given: the 'é' before the difference takes two UTF-8 bytes
        const string stored = "{\n \"é\": 1,\n  \"b\": 2.5\n}\n";
        const string rerun = "{\n \"é\": 1,\n  \"b\": 2.6\n}\n";

        var result = ResultsComparison.Compare(stored, rerun);

        Assert.False(result.Identical);
        Assert.Equal(3, result.Line);
        Assert.Equal(10, result.Column);
        Assert.Equal(21, result.ByteOffset); // "{\n" is 2 bytes, line 2 is 10 (é takes 2), then 9 bytes before the 5
    }

    [Fact]
    public void Compare_MissingTrailingNewline_DiffersAtEnd()
    {
        var result = ResultsComparison.Compare("{}\n", "{}");

        Assert.False(result.Identical);
        Assert.Equal(2, result.ByteOffset);
        Assert.Equal(3, result.StoredLength);
        Assert.Equal(2, result.RerunLength);
    }
}
