using Parley.Formats.Embedded;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Parley.Web.Tests;

/// <summary>The server-rendered pages: list, editor with validation at the cell, run form, results, history, compare.</summary>
public sealed class PageTests(ParleyWebFactory factory) : IClassFixture<ParleyWebFactory>
{
    private const string JapanSalienceMode = "japan|deal-scope|salience|mode";

    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Home_ListsEmbeddedScenarios()
    {
        var html = await _client.GetStringAsync("/");
        Assert.Contains("/scenarios/korea-2025", html, StringComparison.Ordinal);
        Assert.Contains("/scenarios/emission-standards-1994", html, StringComparison.Ordinal);
        Assert.DoesNotContain("korea-2025-steps", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_ShowsOneInputPerNumberWithAnAccessibleLabel()
    {
        var html = await _client.GetStringAsync("/scenarios/korea-2025");
        Assert.Contains($"name=\"{JapanSalienceMode}\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Japan, Scope of threats a deal covers: salience most likely\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "is not a finite number")]
    [InlineData("NaN", "is not a finite number")]
    [InlineData("150", "salience")]
    public async Task EditorPost_InvalidSalience_Returns400WithTheMessageAtTheCell(string value, string expected)
    {
        // Given Japan's most-likely salience on deal-scope set to an invalid value
        using var form = new FormUrlEncodedContent([new(JapanSalienceMode, value), new("next", "stay")]);

        // When the editor form is posted
        using var response = await _client.PostAsync("/scenarios/korea-2025", form);

        // Then the page comes back with a 400, the cell marked invalid and the message inside it
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var cell = html.IndexOf("<td class=\"cell invalid\" id=\"cell-japan-deal-scope\">", StringComparison.Ordinal);
        Assert.True(cell > 0, "the Japan × deal-scope cell is not marked invalid");
        var end = html.IndexOf("</td><td class=\"cell", cell + 10, StringComparison.Ordinal);
        Assert.Contains(expected, html[cell..(end > 0 ? end : html.Length)], StringComparison.Ordinal);
        Assert.Contains($"value=\"{value}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditorPostThenRun_ValidEdit_SavesAVersionAndRunShowsResults()
    {
        // Given a valid edit
        using var form = new FormUrlEncodedContent([new(JapanSalienceMode, "95"), new("next", "run")]);

        // When it is saved and a run is posted
        using var saved = await _client.PostAsync("/scenarios/korea-2025", form);
        using var runForm = new FormUrlEncodedContent([new("model", "compromise"), new("model", "eum"), new("draws", "200"), new("seed", "3"), new("variant", "")]);
        using var run = await _client.PostAsync("/scenarios/korea-2025/run", runForm);

        // Then the editor redirects to the run form, the run to its results page, which shows histograms
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/scenarios/korea-2025/run", saved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var results = await _client.GetStringAsync(run.Headers.Location!);
        Assert.Contains("<svg class=\"hist\"", results, StringComparison.Ordinal);
        Assert.Contains("data-issue=\"deal-scope\" data-model=\"eum\"", results, StringComparison.Ordinal);
        var editor = await _client.GetStringAsync("/scenarios/korea-2025");
        Assert.Contains($"name=\"{JapanSalienceMode}\" value=\"95\"", editor, StringComparison.Ordinal);
        var history = await _client.GetStringAsync("/runs");
        Assert.Contains(run.Headers.Location!.OriginalString, history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditorPost_NothingChanged_RedirectsWithoutStoringAVersion()
    {
        // Given the emission scenario's editor posted back with one value unchanged
        var html = await _client.GetStringAsync("/scenarios/emission-standards-1994");
        Assert.Contains("name=\"", html, StringComparison.Ordinal);
        using var store = factory.OpenStore();
        var before = store.ListScenarioVersions("emission-standards-1994").Count;
        var view = await _client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/scenarios/emission-standards-1994");
        var v = view.GetProperty("values")[0];
        var name = $"{v.GetProperty("actor").GetString()}|{v.GetProperty("issue").GetString()}|salience|mode";
        var mode = v.GetProperty("salience").GetProperty("mode").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        using var form = new FormUrlEncodedContent([new(name, mode), new("next", "stay")]);

        // When
        using var response = await _client.PostAsync("/scenarios/emission-standards-1994", form);

        // Then
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, store.ListScenarioVersions("emission-standards-1994").Count);
    }

    [Fact]
    public async Task RunPost_DrawsOverLimit_ReturnsAnErrorPageNot500()
    {
        using var runForm = new FormUrlEncodedContent([new("draws", "1000001")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scenarios/korea-2025/run") { Content = runForm };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("over the limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_WithVariant_ShowsPairedDifferences()
    {
        var html = await _client.GetStringAsync("/scenarios/korea-2025/compare?go=1&variant=progressive-rok&draws=100&seed=1");
        Assert.Contains("<h2>progressive-rok</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_AreServed()
    {
        using var css = await _client.GetAsync("/assets/app.css");
        using var js = await _client.GetAsync("/assets/app.js");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }
}
