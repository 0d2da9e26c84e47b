using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public sealed partial class RunStoreTests
{
    [Fact]
    public void SaveScenario_SameTextTwice_StoresOneVersionAndReturnsSameHash()
    {
        using var db = new TempDatabase();
        var clock = new ManualTimeProvider(Samples.T0);
        using var store = RunStore.Open(db.Path, clock);

        var first = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU emissions");
        clock.Advance(TimeSpan.FromHours(1));
        var second = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "renamed");

        Assert.Equal(first, second);
        var versions = store.ListScenarioVersions("eu-emissions");
        var only = Assert.Single(versions);
        Assert.Equal("EU emissions", only.Name);
        Assert.Equal(Samples.T0, only.FirstSeen);
    }

    [Fact]
    public void ListScenarioIds_SavedScenarios_EachIdOnceInOrdinalOrder()
    {
        // Given two versions of one scenario and one version of two others, saved in no particular order
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        store.SaveScenario(Samples.ScenarioText(version: 1), "yaml", "eu-emissions", "EU");
        store.SaveScenario(Samples.ScenarioText(version: 3), "yaml", "Zeta", "Z");
        store.SaveScenario(Samples.ScenarioText(version: 2), "yaml", "eu-emissions", "EU");
        store.SaveScenario(Samples.ScenarioText(version: 4), "yaml", "alpha", "A");

        // When the ids are listed, also by a second store on the same file (a later process)
        using var later = RunStore.Open(db.Path);

        // Then each id appears once, in ordinal order (upper case first)
        Assert.Equal(["Zeta", "alpha", "eu-emissions"], store.ListScenarioIds());
        Assert.Equal(["Zeta", "alpha", "eu-emissions"], later.ListScenarioIds());
    }

    [Fact]
    public void ListScenarioIds_EmptyStore_IsEmpty()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);

        Assert.Empty(store.ListScenarioIds());
    }

    [Fact]
    public void SaveScenario_EditedText_StoresNewVersionBesideOld()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);

        var v1 = store.SaveScenario(Samples.ScenarioText(version: 1), "yaml", "eu-emissions", "EU");
        var v2 = store.SaveScenario(Samples.ScenarioText(version: 2), "yaml", "eu-emissions", "EU");

        Assert.NotEqual(v1, v2);
        Assert.Equal(Samples.ScenarioText(version: 1), store.GetScenarioText(v1));
        Assert.Equal(Samples.ScenarioText(version: 2), store.GetScenarioText(v2));
        Assert.Equal([v1, v2], store.ListScenarioVersions("eu-emissions").Select(s => s.Hash));
    }

    [Fact]
    public void SaveScenario_Always_ReturnsSha256OfUtf8Text()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var text = Samples.ScenarioText();

        var hash = store.SaveScenario(text, "yaml", "eu-emissions", "EU");

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, hash);
    }

    [Fact]
    public void BeginRun_ThenCompleteRun_RoundTripsEveryField()
    {
        // Given a stored scenario and a clock
        using var db = new TempDatabase();
        var clock = new ManualTimeProvider(Samples.T0);
        using var store = RunStore.Open(db.Path, clock);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");

        // When a run begins, and completes 2.5 s later
        var begun = store.BeginRun(Samples.NewRun(hash));
        clock.Advance(TimeSpan.FromSeconds(2.5));
        var results = Samples.Results(7);
        var completed = store.CompleteRun(begun.Id, results);

        // Then the stored run holds exactly what was given, with times from the clock
        Assert.Equal(RunStatus.Running, begun.Status);
        Assert.Null(begun.EndedAt);
        Assert.Equal(32, begun.Id.Length);
        var stored = store.GetRun(begun.Id);
        Assert.Equal(completed, stored);
        Assert.Equal(hash, stored.ScenarioHash);
        Assert.Equal("hawkish", stored.Variant);
        Assert.Equal(["eum", "nash"], stored.Models);
        Assert.Equal("""{"alpha":0.5,"rounds":10}""", stored.ParametersJson);
        Assert.Equal(42L, stored.Seed);
        Assert.Equal(1000, stored.Draws);
        Assert.Equal("0.1.0", stored.EngineVersion);
        Assert.Equal("parley forecast eu.yaml --variant hawkish --json", stored.Command);
        Assert.Equal(Samples.T0, stored.StartedAt);
        Assert.Equal(Samples.T0.AddSeconds(2.5), stored.EndedAt);
        Assert.Equal(RunStatus.Succeeded, stored.Status);
        Assert.Null(stored.ErrorMessage);

        // byte for byte, trailing newline and non-ASCII included
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(results), System.Text.Encoding.UTF8.GetBytes(stored.ResultsJson!));
    }

    [Fact]
    public void FailRun_RunningRun_StoresErrorAndEndTime()
    {
        using var db = new TempDatabase();
        var clock = new ManualTimeProvider(Samples.T0);
        using var store = RunStore.Open(db.Path, clock);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var run = store.BeginRun(Samples.NewRun(hash));

        clock.Advance(TimeSpan.FromSeconds(1));
        store.FailRun(run.Id, "Model 'eum' did not converge in 100 rounds.");

        var stored = store.GetRun(run.Id);
        Assert.Equal(RunStatus.Failed, stored.Status);
        Assert.Equal("Model 'eum' did not converge in 100 rounds.", stored.ErrorMessage);
        Assert.Equal(Samples.T0.AddSeconds(1), stored.EndedAt);
        Assert.Null(stored.ResultsJson);
    }

    [Fact]
    public void SaveRun_WholeRecord_RoundTripsEqual()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var run = Samples.CompletedRun("run-1", hash, index: 3) with { Seed = long.MinValue, Draws = null, Variant = null };

        store.SaveRun(run);

        Assert.Equal(run, store.GetRun("run-1"));
    }

    [Fact]
    public void SaveRun_NonUtcTimes_StoredAsSameInstant()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var started = new DateTimeOffset(2026, 3, 1, 11, 30, 0, TimeSpan.FromHours(2));
        var run = Samples.CompletedRun("tz", hash) with { StartedAt = started, EndedAt = started.AddTicks(1) };

        store.SaveRun(run);

        var stored = store.GetRun("tz");
        Assert.Equal(started.UtcDateTime, stored.StartedAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, stored.StartedAt.Offset);
        Assert.Equal(1, (stored.EndedAt!.Value - stored.StartedAt).Ticks);
    }

    [Fact]
    public void ListRuns_FilterAndPaging_NewestFirst()
    {
        // Given 5 runs of scenario a (two versions) and 3 of scenario b, one minute apart
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var a1 = store.SaveScenario(Samples.ScenarioText("a", 1), "yaml", "a", "A");
        var a2 = store.SaveScenario(Samples.ScenarioText("a", 2), "yaml", "a", "A");
        var b = store.SaveScenario(Samples.ScenarioText("b"), "yaml", "b", "B");
        string[] hashes = [a1, a2, b, a1, b, a2, a1, b];
        for (var i = 0; i < hashes.Length; i++)
        {
            store.SaveRun(Samples.CompletedRun($"r{i}", hashes[i], i));
        }

        // When listing
        var all = store.ListRuns();
        var onlyA = store.ListRuns(new RunFilter { ScenarioId = "a" });
        var pageTwo = store.ListRuns(new RunFilter { ScenarioId = "a", Limit = 2, Offset = 2 });
        var versionA2 = store.ListRuns(new RunFilter { ScenarioHash = a2 });

        // Then
        Assert.Equal(["r7", "r6", "r5", "r4", "r3", "r2", "r1", "r0"], all.Select(r => r.Id));
        Assert.Equal(["r6", "r5", "r3", "r1", "r0"], onlyA.Select(r => r.Id));
        Assert.Equal(["r3", "r1"], pageTwo.Select(r => r.Id));
        Assert.Equal(["r5", "r1"], versionA2.Select(r => r.Id));
        Assert.Equal(5, store.CountRuns(new RunFilter { ScenarioId = "a" }));
        Assert.Empty(store.ListRuns(new RunFilter { Status = RunStatus.Failed }));
        var top = all[0];
        Assert.Equal("b", top.ScenarioId);
        Assert.Equal("B", top.ScenarioName);
        Assert.Equal(ContentHash.Of(Samples.Results(7)), top.ResultsSha256);
        Assert.Equal(["eum", "model-7"], top.Models);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10_001, 0)]
    [InlineData(10, -1)]
    public void ListRuns_LimitOrOffsetOutOfRange_Throws(int limit, int offset)
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);

        Assert.Throws<ArgumentOutOfRangeException>(() => store.ListRuns(new RunFilter { Limit = limit, Offset = offset }));
    }

    [Fact]
    public void Open_SecondTime_SeesRunsFromFirst()
    {
        using var db = new TempDatabase();
        string id;
        using (var store = RunStore.Open(db.Path))
        {
            var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
            id = store.BeginRun(Samples.NewRun(hash)).Id;
        }

        using var reopened = RunStore.Open(db.Path);

        Assert.Equal(id, reopened.GetRun(id).Id);
    }
}
