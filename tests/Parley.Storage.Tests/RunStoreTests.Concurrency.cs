using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public sealed partial class RunStoreTests
{
    private const int ConcurrentRuns = 50;

    [Fact]
    public async Task SaveRun_FiftyParallelWriters_AllStoredIntact()
    {
        // Given 5 scenarios and 50 distinct runs spread over them
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hashes = Enumerable.Range(0, 5)
            .Select(s => store.SaveScenario(Samples.ScenarioText("s" + s), "yaml", "s" + s, "S" + s))
            .ToArray();
        var runs = Enumerable.Range(0, ConcurrentRuns)
            .Select(i => Samples.CompletedRun($"run-{i:D2}", hashes[i % hashes.Length], i))
            .ToArray();

        // When all 50 are saved at once from parallel tasks, released together
        using var start = new ManualResetEventSlim(false);
        var tasks = runs.Select(run => Task.Run(() =>
        {
            start.Wait();
            store.SaveRun(run);
        })).ToArray();
        start.Set();
        await Task.WhenAll(tasks);

        // Then every run is there exactly once, with its own scenario and results
        Assert.Equal(ConcurrentRuns, store.CountRuns());
        foreach (var run in runs)
        {
            var stored = store.GetRun(run.Id);
            Assert.Equal(run, stored);
            Assert.Equal(run.ScenarioHash, stored.ScenarioHash);
            Assert.Equal(run.ResultsJson, stored.ResultsJson);
        }
    }

    [Fact]
    public async Task BeginAndCompleteRun_FiftyParallelRuns_EachGetsOwnResults()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hashes = Enumerable.Range(0, 3)
            .Select(s => store.SaveScenario(Samples.ScenarioText("s" + s), "yaml", "s" + s, "S" + s))
            .ToArray();

        // Each task saves its scenario again (deduplicated), begins, then completes with its own results.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, ConcurrentRuns).Select(i => Task.Run(() =>
        {
            var hash = store.SaveScenario(Samples.ScenarioText("s" + (i % 3)), "yaml", "s" + (i % 3), "S");
            var run = store.BeginRun(Samples.NewRun(hash) with { Seed = i });
            store.CompleteRun(run.Id, Samples.Results(i));
            return (Index: i, run.Id, Hash: hash);
        })));

        Assert.Equal(ConcurrentRuns, outcomes.Select(o => o.Id).Distinct().Count());
        for (var s = 0; s < 3; s++)
        {
            Assert.Single(store.ListScenarioVersions("s" + s));
        }

        foreach (var (index, id, hash) in outcomes)
        {
            var stored = store.GetRun(id);
            Assert.Equal(hashes[index % 3], stored.ScenarioHash);
            Assert.Equal(hash, stored.ScenarioHash);
            Assert.Equal(index, stored.Seed);
            Assert.Equal(Samples.Results(index), stored.ResultsJson);
            Assert.Equal(RunStatus.Succeeded, stored.Status);
        }
    }

    [Fact]
    public async Task Open_ManyStoresOnNewFileAtOnce_MigratesOnceAndAllWork()
    {
        using var db = new TempDatabase();

        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => RunStore.Open(db.Path))));
        try
        {
            var hashes = stores.Select((s, i) => s.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU")).Distinct();

            Assert.Single(hashes);
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }
}
