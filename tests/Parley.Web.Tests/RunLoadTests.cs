using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Storage;
using Parley.Web.Runs;

namespace Parley.Web.Tests;

/// <summary>Many concurrent runs through the API (in-memory test server only): none lost, none mixed up.</summary>
public sealed class RunLoadTests(ParleyWebFactory factory) : IClassFixture<ParleyWebFactory>
{
    private const int Runs = 50;

    [Fact]
    public async Task PostRuns_FiftyConcurrent_AllCompletedAndStoredWithTheirOwnScenarioAndResults()
    {
        // Given 50 distinct inline scenarios (one actor's most-likely position differs) and seeds
        var client = factory.CreateClient();
        var template = await client.GetStringAsync("/api/scenarios/emission-standards-1994/yaml");
        var requests = Enumerable.Range(0, Runs).Select(k => new RunRequest
        {
            ScenarioText = template.Replace("name: ", $"name: Load {k:D2} ", StringComparison.Ordinal),
            Models = ["compromise", "median"],
            Draws = 100,
            Seed = (ulong)(1000 + k),
        }).ToList();

        // When all are posted at once
        var responses = await Task.WhenAll(requests.Select(r => client.PostAsJsonAsync("/api/runs", r)));

        // Then every one succeeded, and the store holds exactly these 50 runs, each with its scenario's hash, its seed
        // and the results that scenario and seed give when computed again alone
        var ids = new List<string>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            response.Dispose();
        }

        using var store = factory.OpenStore();
        var stored = store.ListRuns(new RunFilter { Limit = 1000 });
        Assert.Equal(Runs, stored.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), stored.Select(s => s.Id).Order(StringComparer.Ordinal));
        for (var k = 0; k < Runs; k++)
        {
            var run = store.GetRun(ids[k]);
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Equal(ContentHash.Of(requests[k].ScenarioText!), run.ScenarioHash);
            Assert.Equal(1000 + k, run.Seed);
            var results = RunResults.FromJson(run.ResultsJson!);
            Assert.Equal($"Load {k:D2} ", results.ScenarioName[..8]);
            var source = Scenarios.ScenarioCatalog.Parse(requests[k].ScenarioText!, "yaml", Scenarios.ScenarioOrigin.Inline);
            var again = RunService.Compute(source.Scenario, source.Scenario.Name, run.ScenarioHash, ["compromise", "median"], 100, (ulong)(1000 + k), default).ToJson();
            Assert.Equal(again, run.ResultsJson);
        }
    }
}
