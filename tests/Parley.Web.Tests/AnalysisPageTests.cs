using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Parley.Testing;

namespace Parley.Web.Tests;

/// <summary>The analysis pages and their JSON endpoints: claims check, roadmap and advice for a scenario.</summary>
public sealed class AnalysisPageTests(ParleyWebFactory factory) : IClassFixture<ParleyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    // Expected counts come from the shared reference copy of the scenario, not from the code under test.
    private static readonly Lazy<JsonElement> Reference = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.File("scenarios", "korea-2025.json")));
        return doc.RootElement.Clone();
    });

    private static int ReferenceCount(string property) => Reference.Value.GetProperty(property).GetArrayLength();

    [Fact]
    public async Task CheckPage_Korea_Returns200WithOneRowPerClaim()
    {
        using var response = await _client.GetAsync("/scenarios/korea-2025/check?draws=100&seed=1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<table class=\"claims\">", html, StringComparison.Ordinal);
        Assert.Equal(ReferenceCount("predictions"), Count(html, "<tr data-claim="));
        Assert.Contains("<th scope=\"col\">eum</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckApi_Korea_ReturnsEveryClaimWithVerdictsPerModel()
    {
        var root = await GetJsonAsync("/api/scenarios/korea-2025/check?draws=100&seed=1");

        var claims = root.GetProperty("claims");
        Assert.Equal(ReferenceCount("predictions"), claims.GetArrayLength());
        foreach (var claim in claims.EnumerateArray())
        {
            Assert.NotEqual(0, claim.GetProperty("verdicts").GetArrayLength());
            foreach (var v in claim.GetProperty("verdicts").EnumerateArray())
            {
                Assert.Contains(v.GetProperty("verdict").GetString(), new[] { "holds", "fails", "not checkable" });
            }
        }
    }

    [Fact]
    public async Task RoadmapPage_Korea_Returns200WithStagesTable()
    {
        using var response = await _client.GetAsync("/scenarios/korea-2025/roadmap");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<table class=\"stages\">", html, StringComparison.Ordinal);
        Assert.True(Count(html, "<tr data-stage=") >= 1, "no stage rows");
    }

    [Fact]
    public async Task RoadmapApi_Korea_DefaultBeneficiaryIsFirstRecommendationsAuthor()
    {
        var root = await GetJsonAsync("/api/scenarios/korea-2025/roadmap");

        var firstBy = Reference.Value.GetProperty("recommendations")[0].GetProperty("by").GetString();
        Assert.Equal(firstBy, root.GetProperty("beneficiary").GetString());
        Assert.True(root.GetProperty("stages").GetArrayLength() >= 1, "expected at least one stage");
        Assert.True(root.GetProperty("gain").GetDouble() > 0, "a found roadmap should gain the beneficiary something (> 0)");
        var veto = root.GetProperty("vetoPlayers").GetArrayLength();
        foreach (var stage in root.GetProperty("stages").EnumerateArray())
        {
            Assert.Equal(veto, stage.GetProperty("vetoMargins").GetArrayLength());
        }
    }

    [Fact]
    public async Task RoadmapApi_ScenarioWithoutStepLibrary_Returns404Problem()
    {
        using var response = await _client.GetAsync("/api/scenarios/emission-standards-1994/roadmap");

        await ApiProblemTests.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RoadmapPage_ScenarioWithoutStepLibrary_Returns404WithAMessage()
    {
        using var response = await _client.GetAsync("/scenarios/emission-standards-1994/roadmap");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no step library", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvisePage_Korea_Returns200WithRecommendationsAndTopTenLevers()
    {
        using var response = await _client.GetAsync("/scenarios/korea-2025/advise?actor=japan&draws=100");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReferenceCount("recommendations"), Count(html, "<table class=\"effects\""));
        Assert.Equal(10, Count(html, "<tr data-rank="));
    }

    [Fact]
    public async Task AdviseApi_Korea_ReturnsRecommendationsWithIntervalsAndTenLevers()
    {
        var root = await GetJsonAsync("/api/scenarios/korea-2025/advise?actor=japan&draws=100&seed=1");

        var recs = root.GetProperty("recommendations");
        Assert.Equal(ReferenceCount("recommendations"), recs.GetArrayLength());
        Assert.Equal(10, root.GetProperty("levers").GetArrayLength());
        foreach (var rec in recs.EnumerateArray())
        {
            foreach (var e in rec.GetProperty("effects").EnumerateArray())
            {
                var change = e.GetProperty("change");
                // An 80% interval: p10 ≤ p90 (exact ordering; tolerance 1e-9). The mean may fall outside it on skewed draws.
                Assert.True(change.GetProperty("p10").GetDouble() <= change.GetProperty("p90").GetDouble() + 1e-9);
                Assert.True(double.IsFinite(change.GetProperty("mean").GetDouble()));
            }
        }
    }

    [Theory]
    [InlineData("/api/scenarios/korea-2025/advise?actor=atlantis&draws=100")]
    [InlineData("/api/scenarios/korea-2025/advise")]
    [InlineData("/api/scenarios/korea-2025/roadmap?beneficiary=atlantis")]
    [InlineData("/api/scenarios/korea-2025/advise?actor=japan&draws=5001")]
    [InlineData("/api/scenarios/korea-2025/advise?actor=japan&draws=0")]
    [InlineData("/api/scenarios/korea-2025/advise?actor=japan&draws=lots")]
    [InlineData("/api/scenarios/korea-2025/check?draws=-5")]
    [InlineData("/api/scenarios/korea-2025/check?seed=-1")]
    public async Task Api_BadQuery_Returns400Problem(string url)
    {
        using var response = await _client.GetAsync(url);

        await ApiProblemTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/scenarios/no-such-scenario/check?draws=10")]
    [InlineData("/api/scenarios/no-such-scenario/roadmap")]
    [InlineData("/api/scenarios/no-such-scenario/advise?actor=japan")]
    public async Task Api_UnknownScenario_Returns404Problem(string url)
    {
        using var response = await _client.GetAsync(url);

        await ApiProblemTests.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/scenarios/korea-2025/advise?actor=atlantis&draws=100", HttpStatusCode.BadRequest, "atlantis")]
    [InlineData("/scenarios/korea-2025/advise?actor=japan&draws=9999", HttpStatusCode.BadRequest, "5000")]
    [InlineData("/scenarios/no-such-scenario/check", HttpStatusCode.NotFound, "no-such-scenario")]
    public async Task Page_BadQuery_Returns4xxPageWithTheMessage(string url, HttpStatusCode expected, string mentioned)
    {
        using var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScenarioPage_LinksToTheThreeAnalyses()
    {
        var html = await _client.GetStringAsync("/scenarios/korea-2025");

        Assert.Contains("href=\"/scenarios/korea-2025/check\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/scenarios/korea-2025/roadmap\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/scenarios/korea-2025/advise\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvisePage_NoActor_ShowsTheForm()
    {
        var html = await _client.GetStringAsync("/scenarios/korea-2025/advise");

        Assert.Contains("<select name=\"actor\">", html, StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static int Count(string text, string needle)
    {
        var n = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
