namespace Parley.Storage.Tests;

public sealed class RunIdsTests
{
    [Fact]
    public void New_Always_Is32LowercaseHexAndValid()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => RunIds.New()).ToArray();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.All(ids, id => Assert.True(RunIds.IsValid(id)));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("run-1_b", true)]
    [InlineData("", false)]
    [InlineData("Run1", false)]
    [InlineData("a b", false)]
    [InlineData("a*", false)]
    [InlineData(null, false)]
    public void IsValid_Values_Classified(string? id, bool expected)
    {
        Assert.Equal(expected, RunIds.IsValid(id));
    }

    [Fact]
    public void IsValid_65Characters_False()
    {
        Assert.True(RunIds.IsValid(new string('a', 64)));
        Assert.False(RunIds.IsValid(new string('a', 65)));
    }
}
