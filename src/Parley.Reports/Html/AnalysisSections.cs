using System.Globalization;
using System.Text;
using Parley.Core.Analysis.Advice;
using Parley.Core.Analysis.Claims;
using Parley.Core.Analysis.Roadmaps;

namespace Parley.Reports.Html;

/// <summary>The report's analysis part: the scenario's claims against the models, and a reciprocal roadmap.</summary>
internal static class AnalysisSections
{
    public static void Render(StringBuilder sb, ReportInput input)
    {
        if (input.Claims.Count > 0)
        {
            Claims(sb, input);
        }

        if (input.Advice is { } advice)
        {
            Advice(sb, input, advice.ActorId, advice.Recommendations, advice.Levers);
        }

        if (input.Roadmap is { } roadmap)
        {
            Roadmap(sb, input, roadmap.Result, roadmap.StepNames);
        }
    }

    private static void Advice(StringBuilder sb, ReportInput input, string actorId, IReadOnlyList<RecommendationScore> recommendations, LeverSearchResult levers)
    {
        var actor = input.Scenario.FindActor(actorId)?.Name ?? actorId;
        var models = levers.ModelIds;
        static string Gain(GainEstimate? g) => g is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{g.Mean:+0.00;-0.00;0} [{g.P10:+0.00;-0.00;0}, {g.P90:+0.00;-0.00;0}]");
        sb.Append("<section class=\"issue\" id=\"advice\">\n<h2>Advice for ").Append(Markup.Text(actor)).Append("</h2>\n")
            .Append("<p class=\"lede\">Gain is the salience-weighted move of the forecasts toward ").Append(Markup.Text(actor))
            .Append("'s positions, in percent of each issue's scale, with the 80% interval of paired draws; each model separately.</p>\n")
            .Append("<h3>The scenario's recommendations</h3>\n<table class=\"evidence\" id=\"advice-recommendations\">\n<thead><tr><th>Recommendation</th>");
        foreach (var m in models)
        {
            sb.Append("<th class=\"num\">").Append(Markup.Text(m)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in recommendations)
        {
            sb.Append("<tr><td><strong>").Append(r.Recommendation.Number.ToString(CultureInfo.InvariantCulture)).Append(".</strong> ").Append(Markup.Text(r.Recommendation.Text)).Append("</td>");
            foreach (var m in models)
            {
                sb.Append("<td class=\"num\">").Append(Markup.Text(Gain(r.Gains.FirstOrDefault(g => g.ModelId == m)))).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<h3>Best levers, by gain per unit of cost</h3>\n<table class=\"evidence\" id=\"advice-levers\">\n<thead><tr><th>Lever</th><th class=\"num\">Cost</th>");
        foreach (var m in models)
        {
            sb.Append("<th class=\"num\">").Append(Markup.Text(m)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var l in levers.Ranked.Take(10))
        {
            sb.Append("<tr><td>").Append(Markup.Text(l.Lever.Description)).Append(l.ModelDependent ? " <em>(model-dependent)</em>" : string.Empty)
                .Append("</td><td class=\"num\">").Append(l.Lever.Cost.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var m in models)
            {
                sb.Append("<td class=\"num\">").Append(Markup.Text(Gain(l.GainUnder(m)))).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Claims(StringBuilder sb, ReportInput input)
    {
        sb.Append("<section class=\"issue\" id=\"claims\">\n<h2>The scenario's claims against the models</h2>\n")
            .Append("<p class=\"lede\">Each prediction the scenario makes, judged under every model. A probability is the share of Monte Carlo draws in which the claim holds; claims about the inputs need no model; qualitative claims are listed, not dropped.</p>\n")
            .Append("<table class=\"evidence\" id=\"claims-table\">\n<thead><tr><th>Claim</th><th>Model</th><th>Verdict</th><th>P</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var claim in input.Claims)
        {
            var first = true;
            foreach (var v in claim.Verdicts)
            {
                sb.Append("<tr>");
                if (first)
                {
                    sb.Append("<td rowspan=\"").Append(claim.Verdicts.Count.ToString(CultureInfo.InvariantCulture)).Append("\"><strong>")
                        .Append(Markup.Text(claim.PredictionId)).Append("</strong><br />").Append(Markup.Text(claim.Statement)).Append("</td>");
                    first = false;
                }

                var (css, word) = v.Verdict switch
                {
                    Verdict.Holds => ("agree", "holds"),
                    Verdict.Fails => ("disagree", "fails"),
                    _ => ("note", "not checkable"),
                };
                sb.Append("<td>").Append(Markup.Text(v.Model)).Append("</td><td class=\"").Append(css).Append("\">").Append(word).Append("</td><td class=\"num\">")
                    .Append(v.Probability is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty)
                    .Append("</td><td>").Append(Markup.Text(v.Detail)).Append("</td></tr>\n");
            }
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Roadmap(StringBuilder sb, ReportInput input, RoadmapResult r, IReadOnlyDictionary<string, string> names)
    {
        string Name(string id) => names.TryGetValue(id, out var n) ? n : id;
        string Actor(string id) => input.Scenario.FindActor(id)?.Name ?? id;
        sb.Append("<section class=\"issue\" id=\"roadmap\">\n<h2>A reciprocal roadmap for ").Append(Markup.Text(Actor(r.Beneficiary))).Append("</h2>\n")
            .Append("<p class=\"lede\">Stages of reciprocal steps such that after every stage each veto player (")
            .Append(Markup.Text(string.Join(", ", r.VetoPlayers.Select(Actor))))
            .Append(") is at least as well off as before, by its own salience-weighted utility over the issues; the beneficiary's gain at the end is as large as possible.</p>\n");
        if (r.Status == RoadmapStatus.Blocked)
        {
            sb.Append("<p><strong>No acceptable roadmap exists.</strong></p>\n");
        }

        sb.Append("<table class=\"evidence\" id=\"roadmap-table\">\n<thead><tr><th>Stage</th><th>Steps (given by)</th><th>Acceptance margins</th></tr></thead>\n<tbody>\n");
        foreach (var stage in r.Stages)
        {
            sb.Append("<tr><td class=\"num\">").Append(stage.Number.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(string.Join("<br />", stage.StepIds.Select(id => Markup.Text(Name(id)))))
                .Append("</td><td>")
                .Append(string.Join("<br />", stage.Margins.Where(m => m.IsVetoPlayer || m.ActorId == r.Beneficiary)
                    .Select(m => Markup.Text($"{Actor(m.ActorId)} {m.Margin.ToString("+0.0000;-0.0000;0", CultureInfo.InvariantCulture)}"))))
                .Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">")
            .Append(Markup.Text(string.Create(CultureInfo.InvariantCulture, $"Gain for {Actor(r.Beneficiary)}: {r.BeneficiaryGain:0.0000} of its salience-weighted utility; ")))
            .Append(r.Search.ProvenOptimal ? "proven optimal within the limits." : Markup.Text(string.Create(CultureInfo.InvariantCulture, $"best found, at most {r.Search.Gap:0.0000} short of the optimum.")))
            .Append("</p>\n");
        var blocked = r.Blockers.Take(8).ToList();
        if (blocked.Count > 0)
        {
            sb.Append("<p class=\"note\">Left out because a veto player would lose: ")
                .Append(Markup.Text(string.Join("; ", blocked.Select(b => $"{Name(b.StepId)} (blocked by {Actor(b.Blockers.FirstOrDefault()?.ActorId ?? "?")})"))))
                .Append(".</p>\n");
        }

        sb.Append("</section>\n");
    }
}
