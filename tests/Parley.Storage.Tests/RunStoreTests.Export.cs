using System.Text.Json;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public sealed partial class RunStoreTests
{
    [Fact]
    public void ExportRun_CompletedRun_HoldsRunParametersScenarioAndResults()
    {
        // Given a completed run
        using var db = new TempDatabase();
        var clock = new ManualTimeProvider(Samples.T0);
        using var store = RunStore.Open(db.Path, clock);
        var text = Samples.ScenarioText();
        var hash = store.SaveScenario(text, "yaml", "eu-emissions", "EU emissions");
        var run = store.BeginRun(Samples.NewRun(hash));
        clock.Advance(TimeSpan.FromSeconds(2));
        store.CompleteRun(run.Id, Samples.Results(3));

        // When exported by a prefix
        var json = store.ExportRun(run.Id[..8]);

        // Then the document has the documented shape
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("parley-run-export", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(
            ["format", "formatVersion", "run", "parameters", "scenario", "results", "resultsSha256"],
            root.EnumerateObject().Select(p => p.Name));

        var r = root.GetProperty("run");
        Assert.Equal(
            ["id", "status", "variant", "models", "seed", "draws", "engineVersion", "command", "startedAt", "endedAt", "error"],
            r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(run.Id, r.GetProperty("id").GetString());
        Assert.Equal("succeeded", r.GetProperty("status").GetString());
        Assert.Equal("hawkish", r.GetProperty("variant").GetString());
        Assert.Equal(["eum", "nash"], r.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(42, r.GetProperty("seed").GetInt64());
        Assert.Equal(1000, r.GetProperty("draws").GetInt32());
        Assert.Equal("2026-03-01T09:30:00.0000000Z", r.GetProperty("startedAt").GetString());
        Assert.Equal("2026-03-01T09:30:02.0000000Z", r.GetProperty("endedAt").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind);

        Assert.Equal(0.5, root.GetProperty("parameters").GetProperty("alpha").GetDouble(), 0.0); // exact: copied, not computed
        var scenario = root.GetProperty("scenario");
        Assert.Equal(hash, scenario.GetProperty("hash").GetString());
        Assert.Equal("eu-emissions", scenario.GetProperty("id").GetString());
        Assert.Equal(text, scenario.GetProperty("text").GetString());
        Assert.Equal("Größe ±", root.GetProperty("results").GetProperty("note").GetString());
        Assert.Equal(ContentHash.Of(Samples.Results(3)), root.GetProperty("resultsSha256").GetString());
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportRun_RunningRun_HasNullResults()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var run = store.BeginRun(Samples.NewRun(hash) with { Seed = null, Draws = null, Variant = null });

        using var doc = JsonDocument.Parse(store.ExportRun(run.Id));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("results").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("resultsSha256").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("run").GetProperty("seed").ValueKind);
        Assert.Equal("running", doc.RootElement.GetProperty("run").GetProperty("status").GetString());
    }

    [Fact]
    public void ExportRun_SameRunTwice_SameText()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        store.SaveRun(Samples.CompletedRun("x1", hash));

        Assert.Equal(store.ExportRun("x1"), store.ExportRun("x1"));
    }
}
