using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Testing;

namespace Parley.Web.Tests;

/// <summary>Bad input gets a 4xx RFC 7807 problem-details answer with a useful message, never a 500.</summary>
public sealed class ApiProblemTests(ParleyWebFactory factory) : IClassFixture<ParleyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostRuns_MalformedJson_Returns400Problem()
    {
        // Given a body that is not JSON
        using var content = new StringContent("{\"scenarioId\": \"korea-2025\", ", Encoding.UTF8, "application/json");

        // When it is posted
        using var response = await _client.PostAsync("/api/runs", content);

        // Then the answer is a 400 problem naming JSON
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"draws\": \"many\", \"scenarioId\": \"korea-2025\"}")]
    [InlineData("{\"seed\": -1, \"scenarioId\": \"korea-2025\"}")]
    public async Task PostRuns_WrongShape_Returns400Problem(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/runs", content);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostRuns_UnknownScenarioId_Returns404ProblemListingKnownIds()
    {
        using var response = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "no-such-scenario", draws = 10 });

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("korea-2025", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetScenario_UnknownId_Returns404Problem()
    {
        using var response = await _client.GetAsync("/api/scenarios/no-such-scenario");
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetRun_UnknownId_Returns404Problem()
    {
        using var response = await _client.GetAsync("/api/runs/0123456789abcdef");
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostRuns_NaNLiteralInJson_Returns400Problem()
    {
        // Given an inline JSON scenario whose salience is NaN (not JSON: the parser refuses it)
        var body = "{\"scenario\": {\"id\": \"x\", \"values\": [{\"salience\": NaN}]}, \"draws\": 10}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/api/runs", content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PutScenario_NaNSalienceInYaml_Returns400ProblemAtTheField()
    {
        // Given the shipped Korea scenario with one salience set to YAML's NaN
        var yaml = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "scenarios", "korea-2025.yaml"));
        var first = yaml.IndexOf("salience: {low: 90, mode: 97, high: 100}", StringComparison.Ordinal);
        Assert.True(first > 0, "the Korea scenario changed; update the test's anchor text");
        var bad = string.Concat(yaml.AsSpan(0, first), "salience: {low: 90, mode: .nan, high: 100}", yaml.AsSpan(first + "salience: {low: 90, mode: 97, high: 100}".Length));
        using var content = new StringContent(bad, Encoding.UTF8, "application/yaml");

        // When it is saved
        using var response = await _client.PutAsync("/api/scenarios/korea-2025", content);

        // Then a 400 lists the problem at values[dprk/nuclear-end-state].salience
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var paths = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains(paths, p => p!.StartsWith("values[dprk/nuclear-end-state].salience", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostRuns_BodyOverTwoMebibytes_Returns413Problem()
    {
        // Given a syntactically valid JSON body just over 2 MiB
        var padding = new string('a', WebLimits.MaxBodyBytes);
        var body = $"{{\"scenarioId\": \"korea-2025\", \"variant\": \"{padding}\"}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/api/runs", content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2 MiB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRuns_ChunkedBodyOverTwoMebibytes_Returns413Problem()
    {
        // Given a body without Content-Length (streamed), so only the bytes read can reveal its size
        var bytes = Encoding.UTF8.GetBytes($"{{\"scenarioId\": \"korea-2025\", \"variant\": \"{new string('a', WebLimits.MaxBodyBytes)}\"}}");
        using var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _client.PostAsync("/api/runs", content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData(WebLimits.MaxDraws + 1)]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    public async Task PostRuns_DrawsOutOfRange_Returns400ProblemNamingTheLimit(int draws)
    {
        using var response = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "korea-2025", draws });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("1000000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRuns_UnknownModelAndVariant_Return400Problems()
    {
        using var model = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "korea-2025", models = new[] { "oracle" }, draws = 0 });
        await AssertProblemAsync(model, HttpStatusCode.BadRequest);
        using var variant = await _client.PostAsJsonAsync("/api/runs", new { scenarioId = "korea-2025", variant = "no-such-variant", draws = 0 });
        var problem = await AssertProblemAsync(variant, HttpStatusCode.BadRequest);
        Assert.Contains("allied-coordination", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRuns_TooManyActors_Returns400Problem()
    {
        // Given an inline scenario with 501 actors (one over the limit) on one issue
        var sb = new StringBuilder("id: big\nname: Big\nschemaVersion: 1\nissues:\n  - id: i\n    name: I\n    scale: [0, 100]\nactors:\n");
        for (var k = 0; k <= WebLimits.MaxActors; k++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - id: a{k}\n    name: A{k}\n");
        }

        sb.Append("values:\n");
        for (var k = 0; k <= WebLimits.MaxActors; k++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{actor: a{k}, issue: i, position: 50, salience: 50, capability: 50}}\n");
        }

        using var response = await _client.PostAsJsonAsync("/api/runs", new { scenarioText = sb.ToString(), draws = 0 });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("500", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRuns_InvalidInlineYaml_Returns400WithProblemList()
    {
        using var response = await _client.PostAsJsonAsync("/api/runs", new { scenarioText = "id: x\nissues: [\n", draws = 0 });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("problems").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task PutScenario_MalformedJsonBody_Returns400Problem()
    {
        using var content = new StringContent("{\"id\": \"korea-2025\", \"issues\": [", Encoding.UTF8, "application/json");
        using var response = await _client.PutAsync("/api/scenarios/korea-2025", content);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostRuns_CrossSiteBrowserRequest_Returns403Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = JsonContent.Create(new { scenarioId = "korea-2025", draws = 0 }) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement.Clone();
        Assert.Equal((int)expected, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        return root;
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
