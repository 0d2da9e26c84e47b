using System.Globalization;
using System.Text;
using Parley.Core.Scenarios;
using Parley.Storage;
using Parley.Web.Api;
using Parley.Web.Runs;
using Parley.Web.Scenarios;
using static Parley.Web.Pages.Layout;

namespace Parley.Web.Pages;

/// <summary>The server-rendered pages. Forms post back (no script needed); <c>app.js</c> only adds a busy state.</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name) => Asset(name)).ExcludeFromDescription();
        app.MapGet("/", (ScenarioCatalog catalog) => Html(ListPage(catalog.List()))).ExcludeFromDescription();
        app.MapPost("/scenarios", async (HttpRequest request, ScenarioCatalog catalog) =>
        {
            var form = await ReadFormAsync(request).ConfigureAwait(false);
            var saved = catalog.Save(form.GetValueOrDefault("yaml") ?? string.Empty, "yaml");
            return Results.Redirect($"/scenarios/{Uri.EscapeDataString(saved.Scenario.Id)}?saved={saved.Hash}", preserveMethod: false);
        }).ExcludeFromDescription();
        app.MapGet("/scenarios/{id}", (string id, string? saved, ScenarioCatalog catalog) =>
        {
            var source = catalog.Get(id);
            var notice = saved is null ? null : $"<p class=\"notice ok\" role=\"status\">Saved as version <code>{E(saved[..Math.Min(12, saved.Length)])}</code>.</p>";
            return Html(EditorPage(source, null, new Dictionary<string, List<string>>(), [], notice));
        }).ExcludeFromDescription();
        app.MapPost("/scenarios/{id}", async (string id, HttpRequest request, ScenarioCatalog catalog) =>
        {
            var source = catalog.Get(id);
            var form = await ReadFormAsync(request).ConfigureAwait(false);
            var (yaml, cellErrors, changed) = ScenarioEdit.Apply(source.Scenario, form);
            if (!changed)
            {
                // Nothing edited: keep the current version rather than storing a re-serialised copy of it.
                return Results.Redirect(form.GetValueOrDefault("next") == "run" ? $"/scenarios/{Uri.EscapeDataString(id)}/run" : $"/scenarios/{Uri.EscapeDataString(id)}");
            }

            var general = new List<string>();
            var errors = cellErrors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            if (yaml is not null)
            {
                try
                {
                    var saved = catalog.Save(yaml, "yaml", source.Scenario.Id);
                    var next = form.GetValueOrDefault("next") == "run" ? $"/scenarios/{Uri.EscapeDataString(id)}/run" : $"/scenarios/{Uri.EscapeDataString(id)}?saved={saved.Hash}";
                    return Results.Redirect(next);
                }
                catch (ScenarioLoadException ex)
                {
                    foreach (var p in ex.Problems)
                    {
                        var cell = ScenarioEdit.CellOf(p.FieldPath);
                        var message = p.FieldPath.Length > 0 && cell is not null ? $"{p.FieldPath[(p.FieldPath.IndexOf(']', StringComparison.Ordinal) + 1)..].TrimStart('.')}: {p.Message}" : p.Message;
                        if (cell is null)
                        {
                            general.Add(p.FieldPath.Length > 0 ? $"{p.FieldPath}: {p.Message}" : p.Message);
                        }
                        else
                        {
                            if (!errors.TryGetValue(cell, out var list))
                            {
                                errors[cell] = list = [];
                            }

                            list.Add(message);
                        }
                    }
                }
            }

            var count = errors.Values.Sum(l => l.Count) + general.Count;
            var notice = $"<p class=\"notice bad\" role=\"alert\">Not saved: {count} problem{(count == 1 ? string.Empty : "s")}; see the highlighted cells.</p>";
            return Html(EditorPage(source, form, errors, general, notice), StatusCodes.Status400BadRequest);
        }).ExcludeFromDescription();
        app.MapGet("/scenarios/{id}/run", (string id, ScenarioCatalog catalog) =>
        {
            var source = catalog.Get(id);
            var recent = catalog.Store.ListRuns(new RunFilter { ScenarioId = source.Scenario.Id, Limit = 10 });
            return Html(RunFormPage(source, recent));
        }).ExcludeFromDescription();
        app.MapPost("/scenarios/{id}/run", async (string id, HttpRequest request, RunService runs, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            var run = await runs.RunAsync(
                new RunRequest
                {
                    ScenarioId = id,
                    Variant = NullIfEmpty(form["variant"]),
                    Models = form["model"].Where(m => !string.IsNullOrEmpty(m)).Select(m => m!).ToList(),
                    Draws = ParseInt(form["draws"], "draws"),
                    Seed = ParseSeed(form["seed"]),
                },
                "web: run form",
                ct).ConfigureAwait(false);
            return Results.Redirect($"/runs/{run.Id}");
        }).ExcludeFromDescription();
        app.MapGet("/scenarios/{id}/compare", async (string id, HttpRequest request, ScenarioCatalog catalog, RunService runs, CancellationToken ct) =>
        {
            var source = catalog.Get(id);
            var q = request.Query;
            ComparisonView? result = null;
            if (q.ContainsKey("go"))
            {
                var compareRequest = new CompareRequest
                {
                    ScenarioId = id,
                    Variants = q["variant"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList(),
                    Models = q["model"].Where(m => !string.IsNullOrEmpty(m)).Select(m => m!).ToList(),
                    Draws = ParseInt(q["draws"], "draws"),
                    Seed = ParseSeed(q["seed"]),
                };
                var r = await runs.CompareAsync(compareRequest, ct).ConfigureAwait(false);
                result = new ComparisonView(r.Baseline.ScenarioId, r.Baseline.Options.Draws, r.Baseline.Options.Seed, r.Variants.SelectMany(v => v.Differences).Select(d => new DifferenceView(d.VariantId, d.IssueId, d.ModelId, d.BaselineDeterministic, d.VariantDeterministic, d.Mean, d.P10, d.P50, d.P90, d.ProbabilityPositive, d.ProbabilityNegative)).ToList());
            }

            return Html(ComparePage(source, request.Query, result));
        }).ExcludeFromDescription();
        AnalysisPages.Map(app);
        app.MapGet("/runs", (string? scenario, RunStore store) =>
            Html(HistoryPage(store.ListRuns(new RunFilter { ScenarioId = string.IsNullOrEmpty(scenario) ? null : scenario, Limit = 200 }), scenario))).ExcludeFromDescription();
        app.MapGet("/runs/{id}", (string id, RunStore store) => Html(ResultsPage(store.GetRun(ApiEndpoints.CheckRunId(id)), store))).ExcludeFromDescription();
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static IResult Asset(string name)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream($"assets/{name}");
        if (stream is null)
        {
            return Results.NotFound();
        }

        using var reader = new StreamReader(stream);
        var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript";
        return Results.Content(reader.ReadToEnd(), type + "; charset=utf-8");
    }

    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return form.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static int? ParseInt(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new WebInputException("Invalid number", $"{name} '{text}' is not a whole number; give 0 to {WebLimits.MaxDraws}.");
    }

    private static ulong? ParseSeed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new WebInputException("Invalid seed", $"seed '{text}' is not a whole number from 0 to {ulong.MaxValue}.");
    }

    private static string ScenarioLinks(string id) =>
        $"<nav class=\"actions\" aria-label=\"Scenario\"><a class=\"button\" href=\"/scenarios/{E(id)}/run\">Run a forecast</a> <a class=\"button secondary\" href=\"/scenarios/{E(id)}\">Edit</a> <a class=\"button secondary\" href=\"/scenarios/{E(id)}/compare\">Compare variants</a> {AnalysisPages.Links(id)} <a class=\"button secondary\" href=\"/api/scenarios/{E(id)}/yaml\" download>Download YAML</a> <a class=\"button secondary\" href=\"/runs?scenario={E(id)}\">Runs</a></nav>";

    private static string ListPage(IReadOnlyList<ScenarioListItem> items)
    {
        var sb = new StringBuilder("<h1>Scenarios</h1><table><thead><tr><th scope=\"col\">Scenario</th><th scope=\"col\">Id</th><th scope=\"col\">Source</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
        foreach (var s in items)
        {
            var origin = s.SavedVersions > 0 ? $"saved ({s.SavedVersions} version{(s.SavedVersions == 1 ? string.Empty : "s")}){(s.Embedded ? ", embedded" : string.Empty)}" : "embedded";
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/scenarios/{E(s.Id)}\">{E(s.Name)}</a></td><td><code>{E(s.Id)}</code></td><td>{E(origin)}</td><td><a href=\"/scenarios/{E(s.Id)}/run\">Run</a> · <a href=\"/scenarios/{E(s.Id)}/compare\">Compare</a> · <a href=\"/scenarios/{E(s.Id)}/check\">Claims</a> · <a href=\"/scenarios/{E(s.Id)}/roadmap\">Roadmap</a> · <a href=\"/scenarios/{E(s.Id)}/advise\">Advice</a> · <a href=\"/api/scenarios/{E(s.Id)}/yaml\" download>YAML</a> · <a href=\"/runs?scenario={E(s.Id)}\">Runs</a></td></tr>");
        }

        sb.Append("</tbody></table>");
        sb.Append("<h2>Add or replace a scenario</h2><form method=\"post\" action=\"/scenarios\" data-busy=\"Saving…\"><p><label for=\"yaml\">Scenario YAML (saved as a new version of its id)</label></p><textarea id=\"yaml\" name=\"yaml\" rows=\"8\" cols=\"90\" required></textarea><div class=\"actions\"><button type=\"submit\">Validate and save</button><span role=\"status\" aria-live=\"polite\"></span></div></form>");
        return Page("Scenarios", sb.ToString());
    }

    private static string EditorPage(ScenarioSource source, IReadOnlyDictionary<string, string>? form, IReadOnlyDictionary<string, List<string>> errors, IReadOnlyList<string> general, string? notice)
    {
        var s = source.Scenario;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(s.Name)}</h1><p class=\"muted\"><code>{E(s.Id)}</code> · version <code>{E(source.Hash[..12])}</code> · {E(source.Origin.ToString().ToLowerInvariant())} · {s.Actors.Count} actors × {s.Issues.Count} issues</p>");
        sb.Append(ScenarioLinks(s.Id));
        sb.Append(notice);
        if (general.Count > 0)
        {
            sb.Append("<ul class=\"notice bad\">");
            foreach (var g in general)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li>{E(g)}</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/scenarios/{E(s.Id)}\" data-busy=\"Validating and saving…\"><div class=\"grid-wrap\"><table class=\"grid\"><caption class=\"muted\">Each cell: position, salience and capability as low / most likely / high, and the evidence note. Edited numbers are highlighted.</caption><thead><tr><th scope=\"col\">Actor</th>");
        foreach (var issue in s.Issues)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(issue.Name)}<br><span class=\"muted\"><code>{E(issue.Id)}</code> · scale {N(issue.ScaleLow)}–{N(issue.ScaleHigh)}</span></th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var actor in s.Actors)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(actor.Name)}<br><span class=\"muted\"><code>{E(actor.Id)}</code></span></th>");
            foreach (var issue in s.Issues)
            {
                var key = ScenarioEdit.CellKey(actor.Id, issue.Id);
                var value = s.FindValue(actor.Id, issue.Id);
                var cellErrors = errors.GetValueOrDefault(key);
                sb.Append(CultureInfo.InvariantCulture, $"<td class=\"cell{(cellErrors is null ? string.Empty : " invalid")}\" id=\"cell-{E(actor.Id)}-{E(issue.Id)}\">");
                if (value is null)
                {
                    sb.Append("<span class=\"abstains\">abstains</span>");
                }
                else
                {
                    sb.Append("<table><tr><td></td><th scope=\"col\">low</th><th scope=\"col\" title=\"most likely\">mode</th><th scope=\"col\">high</th></tr>");
                    foreach (var field in ScenarioEdit.Fields)
                    {
                        var fieldName = field.ToString().ToLowerInvariant();
                        sb.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{fieldName[..3]}</th>");
                        foreach (var stat in ScenarioEdit.Stats)
                        {
                            var name = ScenarioEdit.FieldName(actor.Id, issue.Id, field, stat);
                            var original = R(value.Get(field).Get(stat));
                            var shown = form?.GetValueOrDefault(name) ?? original;
                            var label = $"{actor.Name}, {issue.Name}: {fieldName} {ScenarioEdit.Label(stat)}";
                            sb.Append(CultureInfo.InvariantCulture, $"<td><input name=\"{E(name)}\" value=\"{E(shown)}\" data-original=\"{E(original)}\" inputmode=\"decimal\" aria-label=\"{E(label)}\"{(shown == original ? string.Empty : " class=\"changed\"")}{(cellErrors is null ? string.Empty : $" aria-invalid=\"true\" aria-describedby=\"err-{E(actor.Id)}-{E(issue.Id)}\"")}></td>");
                        }

                        sb.Append("</tr>");
                    }

                    sb.Append("</table>");
                    var noteName = ScenarioEdit.NoteName(actor.Id, issue.Id);
                    var note = form?.GetValueOrDefault(noteName) ?? value.Evidence.Note ?? string.Empty;
                    sb.Append(CultureInfo.InvariantCulture, $"<details><summary>evidence{(value.Evidence.Quotes.Count > 0 ? $" ({value.Evidence.Quotes.Count} quote{(value.Evidence.Quotes.Count == 1 ? string.Empty : "s")})" : string.Empty)}</summary>");
                    foreach (var quote in value.Evidence.Quotes)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<blockquote class=\"muted\">“{E(quote)}”</blockquote>");
                    }

                    sb.Append(CultureInfo.InvariantCulture, $"<textarea name=\"{E(noteName)}\" rows=\"3\" aria-label=\"{E($"{actor.Name}, {issue.Name}: evidence note")}\">{E(note)}</textarea></details>");
                }

                if (cellErrors is not null)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<div id=\"err-{E(actor.Id)}-{E(issue.Id)}\" role=\"alert\">");
                    foreach (var message in cellErrors)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"err\">{E(message)}</p>");
                    }

                    sb.Append("</div>");
                }

                sb.Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div><div class=\"actions\"><button type=\"submit\" name=\"next\" value=\"stay\">Save</button><button type=\"submit\" name=\"next\" value=\"run\" class=\"secondary\">Save and run</button><span class=\"busy\"><span class=\"spinner\"></span></span><span role=\"status\" aria-live=\"polite\"></span></div></form>");
        return Page(s.Name, sb.ToString());
    }

    private static string RunFormPage(ScenarioSource source, IReadOnlyList<RunSummary> recent)
    {
        var s = source.Scenario;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Run a forecast: {E(s.Name)}</h1><p class=\"muted\">version <code>{E(source.Hash[..12])}</code></p>");
        sb.Append(ScenarioLinks(s.Id));
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/scenarios/{E(s.Id)}/run\" data-busy=\"Running the forecast… this can take a while for many draws.\"><fieldset><legend>Models</legend>");
        foreach (var m in ModelIds.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" name=\"model\" value=\"{E(m)}\" checked> {E(m)}</label>");
        }

        sb.Append("</fieldset><p><label>Variant <select name=\"variant\"><option value=\"\">baseline</option>");
        foreach (var v in s.Variants)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(v.Id)}\">{E(v.Id)}: {E(v.Name)}</option>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</select></label></p><p><label>Draws <input type=\"number\" name=\"draws\" value=\"{RunService.DefaultDraws}\" min=\"0\" max=\"{WebLimits.MaxDraws}\" step=\"1\"></label> <span class=\"muted\">0 = most-likely values only; at most {WebLimits.MaxDraws:N0}</span></p>");
        sb.Append("<p><label>Seed <input type=\"number\" name=\"seed\" value=\"1\" min=\"0\" step=\"1\"></label></p>");
        sb.Append("<div class=\"actions\"><button type=\"submit\" id=\"run\">Run</button><span class=\"busy\"><span class=\"spinner\"></span></span><span role=\"status\" aria-live=\"polite\"></span></div></form>");
        if (recent.Count > 0)
        {
            sb.Append("<h2>Recent runs of this scenario</h2>").Append(RunTable(recent));
        }

        return Page("Run " + s.Name, sb.ToString());
    }

    private static string RunTable(IReadOnlyList<RunSummary> runs)
    {
        var sb = new StringBuilder("<table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Scenario</th><th scope=\"col\">Variant</th><th scope=\"col\">Models</th><th scope=\"col\" class=\"num\">Draws</th><th scope=\"col\" class=\"num\">Seed</th><th scope=\"col\">Started (UTC)</th><th scope=\"col\">Status</th><th scope=\"col\">Version</th></tr></thead><tbody>");
        foreach (var r in runs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/runs/{E(r.Id)}\"><code>{E(r.Id[..Math.Min(8, r.Id.Length)])}</code></a></td><td>{E(r.ScenarioName)}</td><td>{E(r.Variant ?? "baseline")}</td><td>{E(string.Join(", ", r.Models))}</td><td class=\"num\">{r.Draws}</td><td class=\"num\">{r.Seed}</td><td>{r.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{E(r.Status.ToString().ToLowerInvariant())}</td><td><code>{E(r.ScenarioHash[..8])}</code></td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    private static string HistoryPage(IReadOnlyList<RunSummary> runs, string? scenario)
    {
        var title = string.IsNullOrEmpty(scenario) ? "Run history" : $"Run history: {scenario}";
        var body = runs.Count == 0 ? "<p>No runs stored yet. Pick a scenario and run a forecast.</p>" : RunTable(runs);
        return Page(title, $"<h1>{E(title)}</h1>{body}");
    }

    private static string ResultsPage(RunRecord run, RunStore store)
    {
        var sb = new StringBuilder();
        var scenario = store.GetScenario(run.ScenarioHash);
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Forecast: {E(scenario.Name)}</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">run <code>{E(run.Id)}</code> · {E(run.Status.ToString().ToLowerInvariant())} · variant {E(run.Variant ?? "baseline")} · models {E(string.Join(", ", run.Models))} · {run.Draws} draws · seed {run.Seed} · version <code>{E(run.ScenarioHash[..12])}</code> · {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC</p>");
        sb.Append(ScenarioLinks(scenario.ScenarioId));
        if (run.ResultsJson is null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"notice bad\" role=\"alert\">{E(run.ErrorMessage ?? "This run has no results yet.")}</p>");
            return Page("Run " + run.Id, sb.ToString());
        }

        var results = RunResults.FromJson(run.ResultsJson);
        sb.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/api/runs/{E(run.Id)}\">Results as JSON</a> · the shaded band is p10–p90, the red line the most-likely forecast.</p>");
        foreach (var issue in results.Issues)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2 id=\"issue-{E(issue.Id)}\">{E(issue.Name)} <span class=\"muted\">(scale {N(issue.ScaleLow)}–{N(issue.ScaleHigh)})</span></h2>");
            sb.Append("<table class=\"results\"><thead><tr><th scope=\"col\">Model</th><th scope=\"col\" class=\"num\">Most likely</th><th scope=\"col\" class=\"num\">p10</th><th scope=\"col\" class=\"num\">p50</th><th scope=\"col\" class=\"num\">p90</th><th scope=\"col\" class=\"num\">Mean</th><th scope=\"col\">Distribution</th></tr></thead><tbody>");
            foreach (var f in issue.Forecasts)
            {
                var m = f.Simulated;
                sb.Append(CultureInfo.InvariantCulture, $"<tr data-issue=\"{E(issue.Id)}\" data-model=\"{E(f.Model)}\"><th scope=\"row\">{E(f.Model)}</th><td class=\"num det\">{N(f.Deterministic, 2)}</td>");
                if (m is null)
                {
                    sb.Append("<td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"muted\">no draws</td></tr>");
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{N(m.P10)}</td><td class=\"num\">{N(m.P50)}</td><td class=\"num\">{N(m.P90)}</td><td class=\"num\">{N(m.Mean)}</td><td>{HistogramSvg.Render(m, f.Deterministic, $"{issue.Name}, {f.Model}")}</td></tr>");
                }
            }

            sb.Append("</tbody></table>");
        }

        return Page("Run " + run.Id, sb.ToString());
    }

    private static string ComparePage(ScenarioSource source, IQueryCollection query, ComparisonView? result)
    {
        var s = source.Scenario;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Compare variants: {E(s.Name)}</h1>");
        sb.Append(ScenarioLinks(s.Id));
        if (s.Variants.Count == 0)
        {
            return Page("Compare", sb.Append("<p>This scenario has no variants.</p>").ToString());
        }

        var chosen = query["variant"].ToHashSet(StringComparer.Ordinal);
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"/scenarios/{E(s.Id)}/compare\" data-busy=\"Comparing…\"><input type=\"hidden\" name=\"go\" value=\"1\"><fieldset><legend>Variants (none ticked: all)</legend>");
        foreach (var v in s.Variants)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" name=\"variant\" value=\"{E(v.Id)}\"{(chosen.Contains(v.Id) ? " checked" : string.Empty)}> {E(v.Id)}</label> ");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</fieldset><p><label>Draws <input type=\"number\" name=\"draws\" value=\"{E(query["draws"].FirstOrDefault() ?? "1000")}\" min=\"1\" max=\"{WebLimits.MaxDraws}\"></label> <label>Seed <input type=\"number\" name=\"seed\" value=\"{E(query["seed"].FirstOrDefault() ?? "1")}\" min=\"0\"></label></p>");
        sb.Append("<div class=\"actions\"><button type=\"submit\">Compare</button><span class=\"busy\"><span class=\"spinner\"></span></span><span role=\"status\" aria-live=\"polite\"></span></div></form>");
        if (result is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Variant minus baseline over {result.Draws} paired draws (seed {result.Seed}): the same random numbers drive both, so the spread is the variant's own effect.</p>");
            foreach (var group in result.Differences.GroupBy(d => d.Variant))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(group.Key)}</h2><table><thead><tr><th scope=\"col\">Issue</th><th scope=\"col\">Model</th><th scope=\"col\" class=\"num\">Baseline</th><th scope=\"col\" class=\"num\">Variant</th><th scope=\"col\" class=\"num\">Mean change</th><th scope=\"col\" class=\"num\">p10–p90 change</th><th scope=\"col\" class=\"num\">P(higher)</th><th scope=\"col\" class=\"num\">P(lower)</th></tr></thead><tbody>");
                foreach (var d in group)
                {
                    var cls = d.Mean > 0 ? "pos" : d.Mean < 0 ? "neg" : string.Empty;
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.FindIssue(d.Issue)?.Name ?? d.Issue)}</td><td>{E(d.Model)}</td><td class=\"num\">{N(d.BaselineDeterministic)}</td><td class=\"num\">{N(d.VariantDeterministic)}</td><td class=\"num {cls}\">{(d.Mean > 0 ? "+" : string.Empty)}{N(d.Mean)}</td><td class=\"num\">{N(d.P10)} to {N(d.P90)}</td><td class=\"num\">{d.ProbabilityPositive:P0}</td><td class=\"num\">{d.ProbabilityNegative:P0}</td></tr>");
                }

                sb.Append("</tbody></table>");
            }
        }

        return Page("Compare " + s.Name, sb.ToString());
    }
}
