using System.Globalization;
using System.Text;
using Parley.Core.Scenarios;
using Parley.Web.Analysis;
using Parley.Web.Api;
using Parley.Web.Scenarios;
using static Parley.Web.Pages.Layout;

namespace Parley.Web.Pages;

/// <summary>
/// The analysis pages of a scenario: claims check, reciprocal roadmap and advice. Each is a GET form that posts back
/// to itself; the numbers come from <see cref="AnalysisService"/>. Bad input renders a message page with its 4xx status.
/// </summary>
internal static class AnalysisPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/scenarios/{id}/check", (string id, HttpRequest request, ScenarioCatalog catalog) =>
            Guarded("Check claims", id, () =>
            {
                var q = request.Query;
                var view = AnalysisService.Check(catalog, id, AnalysisService.ParseInt(q["draws"], "draws"), AnalysisService.ParseSeed(q["seed"]));
                return ClaimsPage(view);
            })).ExcludeFromDescription();
        app.MapGet("/scenarios/{id}/roadmap", (string id, string? beneficiary, ScenarioCatalog catalog) =>
            Guarded("Roadmap", id, () => RoadmapPage(AnalysisService.Roadmap(catalog, id, beneficiary), catalog.Get(id).Scenario))).ExcludeFromDescription();
        app.MapGet("/scenarios/{id}/advise", (string id, HttpRequest request, ScenarioCatalog catalog) =>
            Guarded("Advice", id, () =>
            {
                var q = request.Query;
                var scenario = catalog.Get(id).Scenario;
                var actor = q["actor"].FirstOrDefault();
                if (string.IsNullOrWhiteSpace(actor))
                {
                    // No actor yet: show the form with the first recommendation's author preselected.
                    return AdviceForm(scenario, scenario.Recommendations.Select(r => r.By).FirstOrDefault(), AnalysisService.DefaultAdviceDraws, 1);
                }

                var view = AnalysisService.Advise(catalog, id, actor, AnalysisService.ParseInt(q["draws"], "draws"), AnalysisService.ParseSeed(q["seed"]), request.HttpContext.RequestAborted);
                return AdvicePage(view, scenario);
            })).ExcludeFromDescription();
    }

    /// <summary>The links from a scenario's pages to its analyses.</summary>
    public static string Links(string id) =>
        $"<a class=\"button secondary\" href=\"/scenarios/{E(id)}/check\">Check claims</a> <a class=\"button secondary\" href=\"/scenarios/{E(id)}/roadmap\">Roadmap</a> <a class=\"button secondary\" href=\"/scenarios/{E(id)}/advise\">Advice</a>";

    private static IResult Guarded(string title, string id, Func<string> render)
    {
        try
        {
            return Results.Content(render(), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status200OK);
        }
        catch (WebInputException ex)
        {
            var back = ex.StatusCode == StatusCodes.Status404NotFound && ex.Title == "Unknown scenario"
                ? "<p><a href=\"/\">Back to the scenarios</a></p>"
                : $"<p><a href=\"/scenarios/{E(id)}\">Back to the scenario</a> · <a href=\"/\">All scenarios</a></p>";
            var body = $"<h1>{E(title)}: {E(ex.Title)}</h1><p class=\"notice bad\" role=\"alert\">{E(ex.Message)}</p>{back}";
            return Results.Content(Page(title, body), "text/html; charset=utf-8", Encoding.UTF8, ex.StatusCode);
        }
    }

    private static string Nav(string id) =>
        $"<nav class=\"actions\" aria-label=\"Scenario\"><a class=\"button secondary\" href=\"/scenarios/{E(id)}\">Scenario</a> <a class=\"button secondary\" href=\"/scenarios/{E(id)}/run\">Run a forecast</a> {Links(id)}</nav>";

    private static string ClaimsPage(ClaimsView v)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Claims check: {E(v.ScenarioName)}</h1>").Append(Nav(v.ScenarioId));
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"/scenarios/{E(v.ScenarioId)}/check\" data-busy=\"Checking the claims…\"><p><label>Draws <input type=\"number\" name=\"draws\" value=\"{v.Draws}\" min=\"1\" max=\"{AnalysisService.MaxCheckDraws}\"></label> <label>Seed <input type=\"number\" name=\"seed\" value=\"{v.Seed}\" min=\"0\"></label> <button type=\"submit\">Check</button><span class=\"busy\"><span class=\"spinner\"></span></span><span role=\"status\" aria-live=\"polite\"></span></p></form>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Each claim of the scenario checked under each model over {v.Draws:N0} draws (seed {v.Seed}); the probability is the share of draws in which the claim holds. <a href=\"/api/scenarios/{E(v.ScenarioId)}/check?draws={v.Draws}&amp;seed={v.Seed}\">As JSON</a></p>");
        var holds = v.Claims.Sum(c => c.Verdicts.Count(x => x.Verdict == "holds"));
        var fails = v.Claims.Sum(c => c.Verdicts.Count(x => x.Verdict == "fails"));
        sb.Append(CultureInfo.InvariantCulture, $"<p>{v.Claims.Count} claims · {holds} verdicts hold · {fails} fail.</p>");
        sb.Append("<table class=\"claims\"><thead><tr><th scope=\"col\">Claim</th>");
        foreach (var m in v.Models)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(m)}</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var c in v.Claims)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr data-claim=\"{E(c.Id)}\"><th scope=\"row\"><code>{E(c.Id)}</code><br>{E(c.Statement)}</th>");
            foreach (var m in v.Models)
            {
                var verdict = c.Verdicts.FirstOrDefault(x => x.Model == m);
                if (verdict is null)
                {
                    sb.Append("<td class=\"muted\">–</td>");
                    continue;
                }

                var cls = verdict.Verdict switch { "holds" => "pos", "fails" => "neg", _ => "muted" };
                var p = verdict.Probability is { } pr ? $" <span class=\"num\">({pr.ToString("P0", CultureInfo.InvariantCulture)})</span>" : string.Empty;
                sb.Append(CultureInfo.InvariantCulture, $"<td data-model=\"{E(m)}\"><strong class=\"{cls}\">{E(verdict.Verdict)}</strong>{p}<br><span class=\"muted\">{E(verdict.Detail)}</span></td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
        return Page("Claims " + v.ScenarioName, sb.ToString());
    }

    private static string RoadmapPage(RoadmapView v, Scenario scenario)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Roadmap: {E(v.ScenarioName)}</h1>").Append(Nav(v.ScenarioId));
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"/scenarios/{E(v.ScenarioId)}/roadmap\" data-busy=\"Planning…\"><p><label>Beneficiary {ActorSelect("beneficiary", scenario, v.Beneficiary)}</label> <button type=\"submit\">Plan</button><span class=\"busy\"><span class=\"spinner\"></span></span><span role=\"status\" aria-live=\"polite\"></span></p></form>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Step library <code>{E(v.Library)}</code>. Each stage is a package every veto player accepts (margin = its utility after minus before, ≥ 0 accepts). Veto players: {E(string.Join(", ", v.VetoPlayers))}. Search: {E(v.Method)}{(v.ProvenOptimal ? ", proven optimal" : string.Empty)}. <a href=\"/api/scenarios/{E(v.ScenarioId)}/roadmap?beneficiary={E(v.Beneficiary)}\">As JSON</a></p>");
        sb.Append(CultureInfo.InvariantCulture, $"<p><strong>{(v.Status == "found" ? "Roadmap found" : "Blocked")}</strong>: gain for {E(Name(scenario, v.Beneficiary))} {N(v.Gain, 4)} (normalised utility).</p>");
        if (v.Stages.Count > 0)
        {
            sb.Append("<table class=\"stages\"><thead><tr><th scope=\"col\" class=\"num\">Stage</th><th scope=\"col\">Steps</th><th scope=\"col\">Owners</th>");
            foreach (var p in v.VetoPlayers)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"num\">{E(p)} margin</th>");
            }

            sb.Append("</tr></thead><tbody>");
            foreach (var st in v.Stages)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr data-stage=\"{st.Number}\"><td class=\"num\">{st.Number}</td><td>{string.Join("<br>", st.Steps.Select(x => $"{E(x.Name)} <span class=\"muted\">(<code>{E(x.Id)}</code>)</span>"))}</td><td>{E(string.Join(", ", st.Owners))}</td>");
                foreach (var p in v.VetoPlayers)
                {
                    var m = st.VetoMargins.FirstOrDefault(x => x.Actor == p);
                    sb.Append(m is null ? "<td class=\"num\">–</td>" : $"<td class=\"num {(m.Margin < 0 ? "neg" : string.Empty)}\">{(m.Margin > 0 ? "+" : string.Empty)}{N(m.Margin, 4)}</td>");
                }

                sb.Append("</tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (v.Blocked.Count > 0)
        {
            sb.Append("<h2>Blocked steps</h2><table class=\"blocked\"><thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Owner</th><th scope=\"col\">Blocked by</th><th scope=\"col\" class=\"num\">Blocker's margin</th><th scope=\"col\" class=\"num\">Gain it would bring</th></tr></thead><tbody>");
            foreach (var b in v.Blocked)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(b.Step.Name)} <span class=\"muted\">(<code>{E(b.Step.Id)}</code>)</span></td><td>{E(b.Step.Owner)}</td><td>{E(b.Blocker)}</td><td class=\"num neg\">{N(b.Margin, 4)}</td><td class=\"num\">{N(b.BeneficiaryGain, 4)}</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        return Page("Roadmap " + v.ScenarioName, sb.ToString());
    }

    private static string AdviceForm(Scenario scenario, string? actor, int draws, ulong seed) =>
        Page("Advice " + scenario.Name, $"<h1>Advice: {E(scenario.Name)}</h1>{Nav(scenario.Id)}{AdviceFormHtml(scenario, actor, draws, seed)}");

    private static string AdviceFormHtml(Scenario scenario, string? actor, int draws, ulong seed) =>
        $"<form method=\"get\" action=\"/scenarios/{E(scenario.Id)}/advise\" data-busy=\"Scoring recommendations and searching levers…\"><p><label>Actor {ActorSelect("actor", scenario, actor)}</label> <label>Draws <input type=\"number\" name=\"draws\" value=\"{draws}\" min=\"1\" max=\"{AnalysisService.MaxAdviceDraws}\"></label> <label>Seed <input type=\"number\" name=\"seed\" value=\"{seed}\" min=\"0\"></label> <button type=\"submit\">Advise</button><span class=\"busy\"><span class=\"spinner\"></span></span><span role=\"status\" aria-live=\"polite\"></span></p><p class=\"muted\">Paired draws per candidate, at most {AnalysisService.MaxAdviceDraws:N0}; {AnalysisService.DefaultAdviceDraws} answer in a few seconds.</p></form>";

    private static string AdvicePage(AdviceView v, Scenario scenario)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Advice for {E(Name(scenario, v.Actor))}: {E(v.ScenarioName)}</h1>").Append(Nav(v.ScenarioId));
        sb.Append(AdviceFormHtml(scenario, v.Actor, v.Draws, v.Seed));
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{v.Draws:N0} paired draws per candidate, seed {v.Seed}; models {E(string.Join(", ", v.Models))}; issues counted {E(string.Join(", ", v.IssueIds))}. Gain = move of the forecasts toward {E(v.Actor)}'s most-likely positions, weighted by its salience, in % of each scale (+ = closer). [a, b] = 80% interval (p10 to p90). <a href=\"/api/scenarios/{E(v.ScenarioId)}/advise?actor={E(v.Actor)}&amp;draws={v.Draws}&amp;seed={v.Seed}\">As JSON</a></p>");
        sb.Append("<h2>The scenario's recommendations</h2>");
        if (v.Recommendations.Count == 0)
        {
            sb.Append("<p>The scenario has no recommendations.</p>");
        }

        foreach (var r in v.Recommendations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h3 id=\"rec-{E(r.Id)}\">{r.Number}. {E(r.Id)} <span class=\"muted\">(by {E(r.By)}{(r.Target is null ? string.Empty : " → " + E(r.Target))}, evaluated in {E(r.EvaluatedIn)})</span></h3><p>{E(r.Text)}</p>");
            sb.Append(CultureInfo.InvariantCulture, $"<table class=\"effects\" data-recommendation=\"{E(r.Id)}\"><thead><tr><th scope=\"col\">Issue</th><th scope=\"col\">Model</th><th scope=\"col\" class=\"num\">Baseline</th><th scope=\"col\" class=\"num\">Δ forecast [p10, p90]</th><th scope=\"col\" class=\"num\">Toward {E(v.Actor)} [p10, p90]</th></tr></thead><tbody>");
            foreach (var e in r.Effects)
            {
                var cls = e.Toward is null ? string.Empty : e.Toward.P10 > 0 ? "pos" : e.Toward.P90 < 0 ? "neg" : string.Empty;
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(scenario.FindIssue(e.Issue)?.Name ?? e.Issue)}</td><td>{E(e.Model)}</td><td class=\"num\">{N(e.BaselineMean)}</td><td class=\"num\">{Interval(e.Change, 1)}</td><td class=\"num {cls}\">{(e.Toward is null ? "–" : Interval(e.Toward, 1))}</td></tr>");
            }

            if (r.Effects.Count == 0)
            {
                sb.Append("<tr><td colspan=\"5\" class=\"muted\">Changes no issue.</td></tr>");
            }

            sb.Append("</tbody></table>");
            sb.Append(CultureInfo.InvariantCulture, $"<p>Gain for {E(v.Actor)}: {E(string.Join("; ", r.Gains.Select(g => $"{g.Model} {Interval(g, 2)}")))}{(r.ModelDependent ? " <strong>model-dependent</strong>" : string.Empty)}</p>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<h2>Top {v.Levers.Count} levers <span class=\"muted\">of {v.SingleCount} single moves and {v.PairCount} pairs</span></h2>");
        sb.Append("<table class=\"levers\"><thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Lever</th><th scope=\"col\" class=\"num\">Cost</th><th scope=\"col\" class=\"num\">Gain</th><th scope=\"col\" class=\"num\">Gain / cost</th><th scope=\"col\">Gain by model: mean [p10, p90]</th><th scope=\"col\">Helps under</th></tr></thead><tbody>");
        foreach (var l in v.Levers)
        {
            var helps = l.ModelsWithGain.Count == 0 ? "no model" : l.ModelsWithGain.Count == v.Models.Count ? "all models" : string.Join(", ", l.ModelsWithGain);
            sb.Append(CultureInfo.InvariantCulture, $"<tr data-rank=\"{l.Rank}\"><td class=\"num\">{l.Rank}</td><td>{E(l.Description)}</td><td class=\"num\">{N(l.Cost, 3)}</td><td class=\"num\">{Signed(l.ExpectedGain, 2)}</td><td class=\"num\">{N(l.Score, 1)}</td><td>{string.Join("<br>", l.Gains.Select(g => $"{E(g.Model)} {Interval(g, 2)}"))}</td><td>{E(helps)}</td></tr>");
        }

        sb.Append("</tbody></table>");
        return Page("Advice " + v.ScenarioName, sb.ToString());
    }

    private static string ActorSelect(string name, Scenario scenario, string? selected)
    {
        var sb = new StringBuilder($"<select name=\"{E(name)}\">");
        foreach (var a in scenario.Actors)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(a.Id)}\"{(a.Id == selected ? " selected" : string.Empty)}>{E(a.Name)} ({E(a.Id)})</option>");
        }

        return sb.Append("</select>").ToString();
    }

    private static string Name(Scenario scenario, string actorId) => scenario.FindActor(actorId)?.Name ?? actorId;

    private static string Interval(IntervalView g, int decimals) => $"{Signed(g.Mean, decimals)} [{Signed(g.P10, decimals)}, {Signed(g.P90, decimals)}]";

    private static string Signed(double x, int decimals) => (x > 0 && Math.Round(x, decimals) > 0 ? "+" : string.Empty) + N(x, decimals);
}
