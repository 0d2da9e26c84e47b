using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public sealed partial class RunStoreTests
{
    private static (TempDatabase Db, RunStore Store) StoreWithRuns(params string[] ids)
    {
        var db = new TempDatabase();
        var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            store.SaveRun(Samples.CompletedRun(id, hash, i));
        }

        return (db, store);
    }

    [Theory]
    [InlineData("abc1")]
    [InlineData("abc123")]
    [InlineData("ABC12")]
    [InlineData("  abc1  ")]
    public void GetRun_UniquePrefixOrFullId_ReturnsRun(string given)
    {
        var (db, store) = StoreWithRuns("abc123", "abd456", "ff00");
        using (db)
        using (store)
        {
            Assert.Equal("abc123", store.GetRun(given).Id);
        }
    }

    [Fact]
    public void GetRun_IdThatIsAlsoPrefixOfAnother_ReturnsExactMatch()
    {
        var (db, store) = StoreWithRuns("abc", "abcd");
        using (db)
        using (store)
        {
            Assert.Equal("abc", store.GetRun("abc").Id);
        }
    }

    [Fact]
    public void GetRun_AmbiguousPrefix_ThrowsListingMatches()
    {
        var (db, store) = StoreWithRuns("abc123", "abd456", "ff00");
        using (db)
        using (store)
        {
            var ex = Assert.Throws<AmbiguousRunIdException>(() => store.GetRun("ab"));

            Assert.Equal(["abc123", "abd456"], ex.Matches);
            Assert.Contains("'ab' is ambiguous", ex.Message, StringComparison.Ordinal);
            Assert.Contains("abc123, abd456", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GetRun_ManyMatches_ListsAtMostFive()
    {
        var (db, store) = StoreWithRuns("a1", "a2", "a3", "a4", "a5", "a6", "a7");
        using (db)
        using (store)
        {
            var ex = Assert.Throws<AmbiguousRunIdException>(() => store.GetRun("a"));

            Assert.Equal(RunStore.AmbiguousMatchesShown, ex.Matches.Count);
            Assert.Contains("more than 5", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("abc1234")]
    public void GetRun_UnknownPrefix_ThrowsNotFoundQuotingIt(string given)
    {
        var (db, store) = StoreWithRuns("abc123");
        using (db)
        using (store)
        {
            var ex = Assert.Throws<RunNotFoundException>(() => store.GetRun(given));

            Assert.Equal(given, ex.Requested);
            Assert.Contains($"'{given}'", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a*")]
    [InlineData("a?")]
    [InlineData("[a]")]
    [InlineData("a b")]
    public void GetRun_NotAnIdShape_ThrowsNotFoundWithoutMatchingAnything(string given)
    {
        var (db, store) = StoreWithRuns("abc123");
        using (db)
        using (store)
        {
            Assert.Throws<RunNotFoundException>(() => store.GetRun(given));
        }
    }

    [Fact]
    public void GetScenarioText_UnknownHash_ThrowsNotFound()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);

        var ex = Assert.Throws<RunNotFoundException>(() => store.GetScenarioText(new string('0', 64)));

        Assert.Contains(new string('0', 64), ex.Message, StringComparison.Ordinal);
    }
}
