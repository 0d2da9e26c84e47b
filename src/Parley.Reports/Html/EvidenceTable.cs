using System.Text;
using Parley.Core.Scenarios;

namespace Parley.Reports.Html;

/// <summary>The evidence behind an issue's numbers: per actor, the three estimates, the kind of source, quotes and note.</summary>
internal static class EvidenceTable
{
    public static void Write(StringBuilder sb, Scenario scenario, Issue issue)
    {
        if (!issue.Evidence.IsEmpty)
        {
            sb.Append("<p class=\"note\"><b>Why this issue.</b> ");
            if (issue.Evidence.Note is not null)
            {
                sb.Append(Markup.Text(issue.Evidence.Note)).Append(' ');
            }

            sb.Append(Markup.Text(issue.Evidence.Quotes.Count == 0 ? string.Empty : string.Join(" ", issue.Evidence.Quotes.Select(q => "“" + q + "”"))));
            sb.Append("</p>\n");
        }

        sb.Append("<table class=\"evidence chart-evidence\" id=\"evidence-").Append(Markup.Attr(issue.Id)).Append("\">\n")
            .Append("<thead><tr><th>Actor</th><th class=\"num\">Position</th><th class=\"num\">Salience</th><th class=\"num\">Capability</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        foreach (var v in scenario.ValuesOn(issue.Id))
        {
            var name = scenario.FindActor(v.ActorId)?.Name ?? v.ActorId;
            sb.Append("<tr><td>").Append(Markup.Text(name)).Append("</td>")
                .Append("<td class=\"num\">").Append(Markup.Text(v.Position.ToString())).Append("</td>")
                .Append("<td class=\"num\">").Append(Markup.Text(v.Salience.ToString())).Append("</td>")
                .Append("<td class=\"num\">").Append(Markup.Text(v.Capability.ToString())).Append("</td><td class=\"quotes\">");
            var e = v.Evidence;
            if (e.Source is not null)
            {
                sb.Append("<span class=\"src\">").Append(Markup.Text(e.Source)).Append("</span> ");
            }

            foreach (var q in e.Quotes)
            {
                sb.Append("<q>").Append(Markup.Text(q)).Append("</q>");
            }

            if (e.Note is not null)
            {
                sb.Append("<div class=\"analyst-note\">").Append(Markup.Text(e.Note)).Append("</div>");
            }

            if (e.IsEmpty)
            {
                sb.Append("<span class=\"missing\">no evidence recorded</span>");
            }

            sb.Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">Numbers are low / most likely / high (a single number when certain).</p>\n");
    }
}
