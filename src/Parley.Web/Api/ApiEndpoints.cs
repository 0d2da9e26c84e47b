using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Parley.Formats.Writing;
using Parley.Storage;
using Parley.Web.Analysis;
using Parley.Web.Runs;
using Parley.Web.Scenarios;

namespace Parley.Web.Api;

/// <summary>The JSON API under <c>/api</c>. Bodies are read by hand so that every bad body gets a problem-details answer.</summary>
internal static class ApiEndpoints
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // NaN and infinities are not JSON; refuse them rather than store them.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Parley");

        api.MapGet("/scenarios", (ScenarioCatalog catalog) => catalog.List())
            .WithSummary("Embedded and saved scenarios.");

        api.MapGet("/scenarios/{id}", (string id, ScenarioCatalog catalog) => ScenarioView.From(catalog.Get(id)))
            .WithSummary("A scenario (newest saved version, else embedded); id may also be a version hash.")
            .ProducesProblem(404);

        api.MapGet("/scenarios/{id}/yaml", (string id, ScenarioCatalog catalog) => YamlDownload(catalog.Get(id)))
            .WithSummary("The scenario as a YAML file.")
            .Produces<string>(200, "application/yaml")
            .ProducesProblem(404);

        api.MapPut("/scenarios/{id}", async (string id, HttpRequest request, ScenarioCatalog catalog) =>
            {
                var (text, format) = await ReadScenarioBodyAsync(request).ConfigureAwait(false);
                var saved = catalog.Save(text, format, id);
                return Results.Ok(new SavedScenarioView(saved.Scenario.Id, saved.Scenario.Name, saved.Hash, saved.Format));
            })
            .WithSummary("Save a new version of scenario {id} (YAML with a yaml/text content type, or JSON).")
            .Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain")
            .Produces<SavedScenarioView>()
            .ProducesProblem(400)
            .ProducesProblem(413);

        api.MapPost("/scenarios", async (HttpRequest request, ScenarioCatalog catalog) =>
            {
                var (text, format) = await ReadScenarioBodyAsync(request).ConfigureAwait(false);
                var saved = catalog.Save(text, format);
                return Results.Created($"/api/scenarios/{saved.Scenario.Id}", new SavedScenarioView(saved.Scenario.Id, saved.Scenario.Name, saved.Hash, saved.Format));
            })
            .WithSummary("Save a scenario (its id comes from the body).")
            .Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain")
            .Produces<SavedScenarioView>(201)
            .ProducesProblem(400)
            .ProducesProblem(413);

        api.MapGet("/scenarios/{id}/check", (string id, string? draws, string? seed, ScenarioCatalog catalog) =>
                AnalysisService.Check(catalog, id, AnalysisService.ParseInt(draws, "draws"), AnalysisService.ParseSeed(seed)))
            .WithSummary("Checks every claim (prediction) of the scenario under compromise, median and EUM: verdict, probability, detail.")
            .Produces<ClaimsView>()
            .ProducesProblem(400)
            .ProducesProblem(404);

        api.MapGet("/scenarios/{id}/roadmap", (string id, string? beneficiary, ScenarioCatalog catalog) =>
                AnalysisService.Roadmap(catalog, id, beneficiary))
            .WithSummary("The reciprocal roadmap from the scenario's embedded step library (404 when none ships).")
            .Produces<RoadmapView>()
            .ProducesProblem(400)
            .ProducesProblem(404);

        api.MapGet("/scenarios/{id}/advise", (string id, string? actor, string? draws, string? seed, ScenarioCatalog catalog, CancellationToken ct) =>
                AnalysisService.Advise(catalog, id, actor, AnalysisService.ParseInt(draws, "draws"), AnalysisService.ParseSeed(seed), ct))
            .WithSummary("Scores the scenario's recommendations for an actor and ranks its top 10 levers (draws 1 to 5000, default 500).")
            .Produces<AdviceView>()
            .ProducesProblem(400)
            .ProducesProblem(404);

        api.MapPost("/runs", async (HttpRequest request, RunService runs, CancellationToken ct) =>
            {
                var body = await ReadJsonAsync<RunRequest>(request, ct).ConfigureAwait(false);
                var run = await runs.RunAsync(body, "POST /api/runs", ct).ConfigureAwait(false);
                return Results.Created($"/api/runs/{run.Id}", RunView.From(run));
            })
            .WithSummary("Run a forecast and store it: {scenarioId | scenarioText | scenario, variant, models, draws, seed}.")
            .Accepts<RunRequest>("application/json")
            .Produces<RunView>(201)
            .ProducesProblem(400)
            .ProducesProblem(404)
            .ProducesProblem(413);

        api.MapGet("/runs", (RunStore store, string? scenarioId, int? limit, int? offset) =>
            {
                var l = limit ?? RunFilter.DefaultLimit;
                if (l is < 1 or > RunStore.MaxListLimit || offset is < 0)
                {
                    throw new WebInputException("Invalid paging", $"limit must be 1 to {RunStore.MaxListLimit} and offset at least 0.");
                }

                return store.ListRuns(new RunFilter { ScenarioId = scenarioId, Limit = l, Offset = offset ?? 0 }).Select(RunSummaryView.From).ToList();
            })
            .WithSummary("Stored runs, newest first.")
            .ProducesProblem(400);

        api.MapGet("/runs/{id}", (string id, RunStore store) => RunView.From(store.GetRun(CheckRunId(id))))
            .WithSummary("One stored run with its results (id or unique prefix).")
            .ProducesProblem(404);

        api.MapPost("/compare", async (HttpRequest request, RunService runs, CancellationToken ct) =>
            {
                var body = await ReadJsonAsync<CompareRequest>(request, ct).ConfigureAwait(false);
                var result = await runs.CompareAsync(body, ct).ConfigureAwait(false);
                return new ComparisonView(
                    result.Baseline.ScenarioId,
                    result.Baseline.Options.Draws,
                    result.Baseline.Options.Seed,
                    result.Variants.SelectMany(v => v.Differences).Select(d => new DifferenceView(d.VariantId, d.IssueId, d.ModelId, d.BaselineDeterministic, d.VariantDeterministic, d.Mean, d.P10, d.P50, d.P90, d.ProbabilityPositive, d.ProbabilityNegative)).ToList());
            })
            .WithSummary("Compare variants with the baseline by paired Monte Carlo draws (not stored).")
            .Accepts<CompareRequest>("application/json")
            .Produces<ComparisonView>()
            .ProducesProblem(400)
            .ProducesProblem(404);
    }

    internal static IResult YamlDownload(ScenarioSource source)
    {
        var yaml = source.Format == "yaml" ? source.Text : ScenarioWriter.ToYaml(source.Scenario);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(yaml), "application/yaml; charset=utf-8", $"{source.Scenario.Id}.yaml");
    }

    internal static string CheckRunId(string id)
    {
        if (id.Length is 0 or > RunIds.MaxLength || !id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c is '-' or '_'))
        {
            throw new WebInputException(404, "Unknown run", $"'{id}' is not a run id: ids are 1 to {RunIds.MaxLength} characters of 0-9 a-z - _.");
        }

        return id;
    }

    private static async Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new WebInputException(415, "Unsupported media type", $"Send JSON (Content-Type: application/json); got '{type}'.");
        }

        var text = await BodyReader.ReadTextAsync(request, ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new WebInputException("Empty body", "The request body is empty; send a JSON object.");
        }

        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new WebInputException("Empty body", "The request body is JSON null; send a JSON object.");
    }

    private static async Task<(string Text, string Format)> ReadScenarioBodyAsync(HttpRequest request)
    {
        var text = await BodyReader.ReadTextAsync(request, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var format = request.ContentType is { } type && type.Contains("json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml";
        if (format == "json")
        {
            // Reject malformed JSON with the parser's position before the scenario reader sees it.
            using var _ = JsonDocument.Parse(text);
        }

        return (text, format);
    }
}
