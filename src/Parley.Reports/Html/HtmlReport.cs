using System.Globalization;
using System.Text;
using Parley.Core.Forecasting;
using Parley.Core.Scenarios;
using Parley.Reports.Charts;
using Parley.Reports.Svg;
using Parley.Reports.Text;

namespace Parley.Reports.Html;

/// <summary>
/// Renders a <see cref="ReportInput"/> as one self-contained HTML page: inline CSS and SVG, no scripts, fonts, images
/// or links to the network, so it opens offline and prints cleanly. The page is also well-formed XML after its doctype.
/// Pure: the same input gives byte-identical output (no clock is read; a date appears only when given).
/// </summary>
public static class HtmlReport
{
    /// <summary>The HTML of the report.</summary>
    public static string Render(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var s = input.Scenario;
        var sb = new StringBuilder(256 * 1024);
        var title = s.Name + (s.AppliedVariant is { } v ? $" — variant {s.FindVariant(v)?.Name ?? v}" : string.Empty);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<meta name=\"generator\" content=\"parley").Append(input.ToolVersion is null ? string.Empty : " " + Markup.Attr(input.ToolVersion)).Append("\" />\n")
            .Append("<title>").Append(Markup.Text(title)).Append(" · Parley forecast report</title>\n")
            .Append("<style>\n").Append(ReportStyles.Css).Append("</style>\n</head>\n<body>\n");
        Header(sb, input, title);
        var agreements = input.Forecast.Issues.Select(i => AgreementSummary.Describe(i, input.MonteCarlo)).ToList();
        Summary(sb, input, agreements);
        Accuracy(sb, input);
        Toc(sb, input);
        var n = 0;
        foreach (var issue in input.Forecast.Issues)
        {
            n++;
            IssueSection(sb, input, issue, agreements.First(a => a.IssueId == issue.Issue.Id), n);
        }

        AnalysisSections.Render(sb, input);
        Footer(sb, input);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, ReportInput input, string title)
    {
        var s = input.Scenario;
        var m = s.Metadata;
        var o = input.MonteCarlo.Options;
        sb.Append("<header class=\"report\" id=\"report-header\">\n<p class=\"kicker\">Parley negotiation forecast</p>\n<h1>")
            .Append(Markup.Text(title)).Append("</h1>\n");
        if (m.Title is not null)
        {
            sb.Append("<p class=\"subtitle\">").Append(Markup.Text(m.Title)).Append("</p>\n");
        }

        sb.Append("<dl class=\"meta\">\n");
        Meta(sb, "Scenario", s.Id);
        if (m.Source is not null)
        {
            Meta(sb, "Source", m.Source);
        }

        if (m.Date is not null)
        {
            Meta(sb, "Scenario date", m.Date);
        }

        if (m.Authors.Count > 0)
        {
            Meta(sb, "Authors", string.Join(", ", m.Authors));
        }

        Meta(sb, "Variant", s.AppliedVariant is { } v ? $"{s.FindVariant(v)?.Name ?? v} ({v})" : "baseline");
        Meta(sb, "Issues · actors", string.Create(CultureInfo.InvariantCulture, $"{input.Forecast.Issues.Count} issues · {s.Actors.Count} actors"));
        Meta(sb, "Models", string.Join(", ", input.ModelIds));
        Meta(sb, "Simulation", string.Create(CultureInfo.InvariantCulture, $"{o.Draws:N0} Monte Carlo draws, seed {o.Seed}, {o.Distribution.ToString().ToLowerInvariant()} sampling of every low / most-likely / high range"));
        if (input.GeneratedOn is not null)
        {
            Meta(sb, "Generated", input.GeneratedOn);
        }

        sb.Append("</dl>\n</header>\n");
    }

    private static void Meta(StringBuilder sb, string term, string value) =>
        sb.Append("<dt>").Append(Markup.Text(term)).Append("</dt><dd>").Append(Markup.Text(value)).Append("</dd>\n");

    private static void Summary(StringBuilder sb, ReportInput input, IReadOnlyList<IssueAgreement> agreements)
    {
        var models = input.ModelIds;
        sb.Append("<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n<p class=\"lede\">")
            .Append(Markup.Text(AgreementSummary.Overall(agreements, input.Scenario.Issues))).Append("</p>\n");
        sb.Append("<table class=\"summary-table\">\n<thead><tr><th>Issue</th>");
        foreach (var m in models)
        {
            sb.Append("<th class=\"num\"><span class=\"swatch\" style=\"background:").Append(Palette.Model(m)).Append("\"></span>").Append(Markup.Text(m)).Append("</th>");
        }

        sb.Append("<th>Models</th></tr></thead>\n<tbody>\n");
        foreach (var issue in input.Forecast.Issues)
        {
            var i = issue.Issue;
            var span = i.ScaleHigh - i.ScaleLow;
            var a = agreements.First(x => x.IssueId == i.Id);
            sb.Append("<tr><td><a href=\"#issue-").Append(Markup.Attr(i.Id)).Append("\">").Append(Markup.Text(i.Name)).Append("</a></td>");
            foreach (var m in models)
            {
                var f = issue.Forecasts.FirstOrDefault(x => x.Model == m);
                var d = input.MonteCarlo.Find(i.Id, m)?.Distribution;
                sb.Append("<td class=\"num\">");
                if (f is not null)
                {
                    sb.Append("<b>").Append(Num.OnScale(f.Value, span)).Append("</b>");
                    if (d is not null)
                    {
                        sb.Append("<br /><span class=\"note\">").Append(Num.OnScale(d.P10, span)).Append("–").Append(Num.OnScale(d.P90, span)).Append("</span>");
                    }
                }

                sb.Append("</td>");
            }

            sb.Append("<td>").Append(a.Agree ? "<span class=\"agree\">agree</span>" : "<span class=\"disagree\">disagree</span>").Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">Forecast at the most-likely values in bold; below it the 80% interval (p10–p90 of the simulated outcomes). ")
            .Append(Markup.Text($"Models \"agree\" when their forecasts lie within {Num.Percent(AgreementSummary.Threshold)} of the scale of each other."))
            .Append("</p>\n<ul>\n");
        foreach (var issue in input.Forecast.Issues)
        {
            var a = agreements.First(x => x.IssueId == issue.Issue.Id);
            sb.Append("<li><b>").Append(Markup.Text(issue.Issue.Name)).Append(".</b> ").Append(Markup.Text(a.Sentence)).Append("</li>\n");
        }

        sb.Append("</ul>\n</section>\n");
    }

    private static void Accuracy(StringBuilder sb, ReportInput input)
    {
        sb.Append("<aside class=\"box\" id=\"accuracy\">\n<h2>How far to trust these numbers</h2>\n");
        var known = input.Accuracy.Where(a => a.MeanAbsoluteError is not null && input.ModelIds.Contains(a.ModelId)).ToList();
        if (known.Count > 0)
        {
            var parts = known.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.ModelId} {a.MeanAbsoluteError:0.#}"));
            var sets = known.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Cases} {a.DataSet}")).Distinct();
            sb.Append("<p>Known accuracy on ").Append(Markup.Text(string.Join(" and ", sets))).Append(": mean absolute error of ")
                .Append(Markup.Text(string.Join(", ", parts))).Append(" points on a 0–100 scale. ")
                .Append("A forecast is a central estimate with an error of that order, not a point to rely on.</p>\n");
        }

        foreach (var a in input.Accuracy.Where(a => a.MeanAbsoluteError is null && input.ModelIds.Contains(a.ModelId)))
        {
            sb.Append("<p>").Append(Markup.Text($"{a.ModelId}: no published accuracy on the {a.DataSet}.")).Append("</p>\n");
        }

        sb.Append("<p>The 80% intervals show only how the analyst's low / most-likely / high ranges carry through each model; ")
            .Append("they do not include the models' own error. Where the models disagree, the spread is a second measure of how much is unknown.</p>\n</aside>\n");
    }

    private static void Toc(StringBuilder sb, ReportInput input)
    {
        sb.Append("<nav class=\"toc\" aria-label=\"Issues\"><ol>\n");
        foreach (var issue in input.Forecast.Issues)
        {
            sb.Append("<li><a href=\"#issue-").Append(Markup.Attr(issue.Issue.Id)).Append("\">").Append(Markup.Text(issue.Issue.Name)).Append("</a></li>\n");
        }

        sb.Append("</ol></nav>\n");
    }

    private static void IssueSection(StringBuilder sb, ReportInput input, IssueForecasts issue, IssueAgreement agreement, int n)
    {
        var s = input.Scenario;
        var i = issue.Issue;
        var span = i.ScaleHigh - i.ScaleLow;
        var models = input.ModelIds;
        var fig = 0;
        string Fig() => string.Create(CultureInfo.InvariantCulture, $"Figure {n}.{++fig}");
        sb.Append("<section class=\"issue\" id=\"issue-").Append(Markup.Attr(i.Id)).Append("\" data-issue=\"").Append(Markup.Attr(i.Id)).Append("\">\n<h2>")
            .Append(n.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Markup.Text(i.Name)).Append("</h2>\n<p class=\"issue-id\">")
            .Append(Markup.Text($"{i.Id} · scale {Num.Plain(i.ScaleLow)}–{Num.Plain(i.ScaleHigh)}")).Append("</p>\n");
        if (i.Description is not null)
        {
            sb.Append("<p>").Append(Markup.Text(i.Description)).Append("</p>\n");
        }

        sb.Append("<p class=\"lede\">").Append(Markup.Text(agreement.Sentence)).Append("</p>\n");
        var sq = i.StatusQuo is { } q ? $"Status quo: {Num.OnScale(q.Mode, span)} (range {Num.OnScale(q.Low, span)}–{Num.OnScale(q.High, span)}). " : string.Empty;
        if (sq.Length > 0 || i.StatusQuoNote is not null)
        {
            sb.Append("<p class=\"note\">").Append(Markup.Text(sq + (i.StatusQuoNote ?? string.Empty))).Append("</p>\n");
        }

        sb.Append("<h3>Who wants what</h3>\n");
        Figure(sb, ActorMapChart.Render(s, i), Fig(), "Actor map.",
            "Each actor's most-likely position on the issue (dot), with the analyst's low–high range as a whisker. Bubble area is proportional to capability × salience, the weight an actor brings to bear. Grid lines mark the anchors of the scale, labelled below."
            + (i.StatusQuo is null ? string.Empty : " The green dashed line is the status quo."));

        sb.Append("<h3>What the models forecast</h3>\n");
        Figure(sb, ForecastChart.Render(issue, input.MonteCarlo), Fig(), "Forecasts.",
            string.Create(CultureInfo.InvariantCulture, $"Dot: each model's forecast with every value at its most likely. Shaded bar: the 80% interval, p10 to p90 of {input.MonteCarlo.Options.Draws:N0} simulated outcomes with every input drawn from its range; black tick: the simulated median."));

        var eum = issue.Forecasts.FirstOrDefault(f => f.Rounds.Count > 1);
        sb.Append("<h3>How the bargaining unfolds</h3>\n");
        var trajectory = eum is null ? null : TrajectoryChart.Render(s, issue, eum);
        if (trajectory is null)
        {
            Missing(sb, ChartIds.Trajectory, i.Id, "No multi-round model (eum) was run, so there is no trajectory to show.");
        }
        else
        {
            Figure(sb, trajectory, Fig(), $"Trajectory of the {eum!.Model} model.",
                "Grey lines: each actor's position after each round of challenges and offers (round 0 is the stated position). Bold line: the capability × salience weighted median, the model's forecast, which is read at the last round.");
        }

        sb.Append("<h3>How uncertain the forecast is</h3>\n");
        Figure(sb, HistogramChart.Render(i, models, input.MonteCarlo), Fig(), "Monte Carlo distributions.",
            string.Create(CultureInfo.InvariantCulture, $"Share of {input.MonteCarlo.Options.Draws:N0} simulated outcomes per bin of the scale, per model (seed {input.MonteCarlo.Options.Seed}). Dashed lines: p10 and p90, which bound the shaded 80% interval; solid line: the median p50."));

        var tornadoes = models.Select(m => input.FindTornado(i.Id, m)).Where(t => t is not null).Select(t => t!).ToList();
        sb.Append("<h3>Whose numbers matter</h3>\n");
        if (tornadoes.Count == 0)
        {
            Missing(sb, ChartIds.Tornado, i.Id, "No sensitivity analysis was run.");
        }
        else
        {
            Figure(sb, TornadoChart.Render(s, i, tornadoes), Fig(), "One-at-a-time sensitivity (tornado).",
                $"For the {TornadoChart.TopBars} inputs that move each model's forecast most: the forecast with that one input at its low (light) and at its high (dark), every other input at its most likely. The vertical line is the forecast at the most-likely values; the number beside each bar is its swing (high minus low outcome, in points); the axis is zoomed to the swings.");
        }

        sb.Append("<h3>What would change it</h3>\n");
        var variants = input.Variants is null ? null : VariantChart.Render(s, i, models, input.Variants);
        if (variants is null)
        {
            Missing(sb, ChartIds.Variants, i.Id, "The scenario has no variants to compare on this issue.");
        }
        else
        {
            var o = input.Variants!.Baseline.Options;
            Figure(sb, variants, Fig(), "Variants against the baseline.",
                string.Create(CultureInfo.InvariantCulture, $"Each variant's effect on the forecast, per model: the mean of the paired differences variant − baseline over {o.Draws:N0} draws that share their random numbers (dot), and their 80% interval p10–p90 (line). Figures in green or red: the whole interval lies above or below zero."));
        }

        sb.Append("<h3>Evidence</h3>\n");
        EvidenceTable.Write(sb, s, i);
        sb.Append("</section>\n");
    }

    private static void Figure(StringBuilder sb, string svg, string number, string heading, string caption) =>
        sb.Append("<figure>\n").Append(svg).Append("\n<figcaption><b>").Append(Markup.Text(number)).Append(". ").Append(Markup.Text(heading))
            .Append("</b> ").Append(Markup.Text(caption)).Append("</figcaption>\n</figure>\n");

    private static void Missing(StringBuilder sb, string kind, string issueId, string text) =>
        sb.Append("<p class=\"missing ").Append(ChartIds.Class(kind)).Append("\" id=\"").Append(Markup.Attr(ChartIds.Id(kind, issueId))).Append("\">")
            .Append(Markup.Text(text)).Append("</p>\n");

    private static void Footer(StringBuilder sb, ReportInput input)
    {
        sb.Append("<footer>\n<p>Made with Parley").Append(input.ToolVersion is null ? string.Empty : " " + Markup.Text(input.ToolVersion))
            .Append(". Models: compromise = capability × salience weighted mean; median = weighted median; eum = expected-utility challenge model (Scholz et al. 2011 reading of Bueno de Mesquita). ")
            .Append("Same scenario, options and seed give the same report, byte for byte.</p>\n</footer>\n");
    }
}
