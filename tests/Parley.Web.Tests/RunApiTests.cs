using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Storage;
using Parley.Testing;

namespace Parley.Web.Tests;

/// <summary>Runs through <c>/api/runs</c> are stored with their scenario version and reproduce byte for byte.</summary>
public sealed class RunApiTests(ParleyWebFactory factory) : IClassFixture<ParleyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostRuns_SameSeedTwice_StoresTwoRunsWithByteIdenticalResults()
    {
        // Given one request run twice
        var request = new { scenarioId = "korea-2025", models = new[] { "compromise", "median" }, draws = 300, seed = 7 };

        // When
        using var first = await _client.PostAsJsonAsync("/api/runs", request);
        using var second = await _client.PostAsJsonAsync("/api/runs", request);

        // Then both are stored, succeeded, and their stored results text is identical byte for byte
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var id1 = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var id2 = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.NotEqual(id1, id2);
        using var store = factory.OpenStore();
        var run1 = store.GetRun(id1);
        var run2 = store.GetRun(id2);
        Assert.Equal(RunStatus.Succeeded, run1.Status);
        Assert.Equal(run1.ScenarioHash, run2.ScenarioHash);
        Assert.Equal(Encoding.UTF8.GetBytes(run1.ResultsJson!), Encoding.UTF8.GetBytes(run2.ResultsJson!));
        Assert.Equal(7, run1.Seed);
        Assert.Equal(300, run1.Draws);
        Assert.Equal(["compromise", "median"], run1.Models);
    }

    [Fact]
    public async Task PostRuns_DifferentSeed_GivesDifferentSimulatedResults()
    {
        using var a = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "korea-2025", models = new[] { "compromise" }, draws = 200, seed = 1 });
        using var b = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "korea-2025", models = new[] { "compromise" }, draws = 200, seed = 2 });
        using var store = factory.OpenStore();
        var ra = store.GetRun((await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        var rb = store.GetRun((await b.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        Assert.NotEqual(ra.ResultsJson, rb.ResultsJson);
    }

    [Fact]
    public async Task PostRuns_EmbeddedScenario_StoresTheEmbeddedTextHash()
    {
        // The embedded scenario is the repository's scenarios/korea-2025.yaml, byte for byte
        var text = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "scenarios", "korea-2025.yaml"));

        using var response = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "korea-2025", draws = 0, models = new[] { "compromise" } });

        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ContentHash.Of(text), run.GetProperty("scenarioHash").GetString());
        var issues = run.GetProperty("results").GetProperty("issues");
        Assert.True(issues.GetArrayLength() > 0);
        Assert.Equal(JsonValueKind.Null, issues[0].GetProperty("forecasts")[0].GetProperty("simulated").ValueKind);
    }

    [Fact]
    public async Task PostRuns_Variant_IsStoredAndChangesResults()
    {
        using var baseline = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "korea-2025", draws = 0 });
        using var variant = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "korea-2025", draws = 0, variant = "progressive-rok" });

        Assert.True(baseline.IsSuccessStatusCode, await baseline.Content.ReadAsStringAsync());
        Assert.True(variant.IsSuccessStatusCode, await variant.Content.ReadAsStringAsync());
        var b = await baseline.Content.ReadFromJsonAsync<JsonElement>();
        var v = await variant.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("progressive-rok", v.GetProperty("variant").GetString());
        Assert.NotEqual(b.GetProperty("results").GetRawText(), v.GetProperty("results").GetRawText());
    }

    [Fact]
    public async Task GetRuns_AfterARun_ListsItAndGetRunReturnsResults()
    {
        using var posted = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "emission-standards-1994", draws = 50 });
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var list = await _client.GetFromJsonAsync<JsonElement>("/api/runs?scenarioId=emission-standards-1994");
        var one = await _client.GetFromJsonAsync<JsonElement>($"/api/runs/{id[..10]}");

        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.Equal(id, one.GetProperty("id").GetString());
        Assert.Equal("succeeded", one.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, one.GetProperty("results").ValueKind);
    }

    [Fact]
    public async Task Scenarios_PutEditedYaml_BecomesTheVersionRunAndListed()
    {
        // Given the emission scenario's text with its name changed
        var yaml = await _client.GetStringAsync("/api/scenarios/emission-standards-1994/yaml");
        var edited = yaml.Replace("name: ", "name: Edited ", StringComparison.Ordinal);
        using var content = new StringContent(edited, Encoding.UTF8, "application/yaml");

        // When it is saved and run
        using var put = await _client.PutAsync("/api/scenarios/emission-standards-1994", content);
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>();
        var shown = await _client.GetFromJsonAsync<JsonElement>("/api/scenarios/emission-standards-1994");
        using var run = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "emission-standards-1994", draws = 0 });

        // Then the saved version is the one shown and run
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(ContentHash.Of(edited), saved.GetProperty("hash").GetString());
        Assert.Equal("saved", shown.GetProperty("origin").GetString());
        Assert.Equal(ContentHash.Of(edited), (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scenarioHash").GetString());
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/scenarios");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == "emission-standards-1994" && s.GetProperty("savedVersions").GetInt32() >= 1);
    }

    [Fact]
    public async Task GetScenarios_SavedByAnotherProcessAndNeverRun_IsListed()
    {
        // Given a scenario saved straight into the store (as an earlier run of the app would have), never run
        var yaml = await _client.GetStringAsync("/api/scenarios/emission-standards-1994/yaml");
        var other = yaml.Replace("id: emission-standards-1994", "id: emission-standards-copy", StringComparison.Ordinal);
        Assert.NotEqual(yaml, other);
        using (var store = factory.OpenStore())
        {
            store.SaveScenario(other, "yaml", "emission-standards-copy", "A copy");
        }

        // When the app lists its scenarios
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/scenarios");

        // Then the saved scenario is among them and can be opened
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == "emission-standards-copy");
        var shown = await _client.GetFromJsonAsync<JsonElement>("/api/scenarios/emission-standards-copy");
        Assert.Equal("saved", shown.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task PutScenario_IdMismatch_Returns400Problem()
    {
        var yaml = await _client.GetStringAsync("/api/scenarios/emission-standards-1994/yaml");
        using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        using var put = await _client.PutAsync("/api/scenarios/korea-2025", content);
        await ApiProblemTests.AssertProblemAsync(put, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostCompare_AllVariants_ReturnsPairedDifferences()
    {
        using var response = await _client.PostAsJsonAsync("/api/compare", new { scenarioId = "korea-2025", models = new[] { "compromise" }, draws = 100 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(body.GetProperty("differences").EnumerateArray(), d => d.GetProperty("variant").GetString() == "progressive-rok");
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheRunsEndpoint()
    {
        var doc = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/runs", out var runs));
        Assert.True(runs.TryGetProperty("post", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/scenarios/{id}", out _));
    }
}
