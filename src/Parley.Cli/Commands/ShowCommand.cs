using System.ComponentModel;
using Parley.Cli.Infrastructure;
using Parley.Cli.Rendering;
using Parley.Core.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley show [FILE]</c>: actors × issues with low / most-likely / high and the evidence.</summary>
internal sealed class ShowCommand(CliIo io) : Command<ShowCommand.Settings>
{
    internal sealed class Settings : ScenarioSettings
    {
        [CommandOption("--variant <ID>")]
        [Description("Show a named variant instead of the baseline.")]
        public string? Variant { get; init; }

        [CommandOption("--issue <ID>")]
        [Description("Show only this issue.")]
        public string? Issue { get; init; }

        [CommandOption("--no-evidence")]
        [Description("Leave out the evidence column.")]
        public bool NoEvidence { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var s = VariantResolver.Apply(ScenarioResolver.Resolve(settings.File, settings.LoadOptions()), settings.Variant);
        var issues = s.Issues.AsEnumerable();
        if (settings.Issue is not null)
        {
            issues = s.Issues.Where(i => i.Id == settings.Issue).ToList();
            if (!issues.Any())
            {
                throw new UserInputException($"--issue '{settings.Issue}' is not an issue of '{s.Id}'. Issues: {string.Join(", ", s.Issues.Select(i => i.Id))}.");
            }
        }

        var c = io.Console;
        c.Write(new Rule($"[bold]{Markup.Escape(s.Name)}[/]").LeftJustified());
        if (s.Metadata.Title is not null)
        {
            c.MarkupLine($"[grey]source[/] {Markup.Escape(s.Metadata.Title)}{(s.Metadata.Date is null ? string.Empty : $" ({Markup.Escape(s.Metadata.Date)})")}");
        }

        c.MarkupLine($"[grey]variant[/] {Markup.Escape(s.AppliedVariant ?? "baseline")}   [grey]values are[/] low / most likely / high");
        c.WriteLine();
        foreach (var issue in issues)
        {
            RenderIssue(c, s, issue, !settings.NoEvidence);
        }

        if (s.Variants.Count > 0)
        {
            var vt = new Table().RoundedBorder().Title("[bold]Variants[/]");
            vt.AddColumn("Id");
            vt.AddColumn("Name");
            vt.AddColumn(new TableColumn("Changes").RightAligned());
            foreach (var v in s.Variants)
            {
                vt.AddRow(Markup.Escape(v.Id), Markup.Escape(v.Name), v.Deltas.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            c.Write(vt);
        }

        return 0;
    }

    private static void RenderIssue(IAnsiConsole c, Scenario s, Issue issue, bool evidence)
    {
        var table = new Table().RoundedBorder().Expand();
        table.Title = new TableTitle($"[bold]{Markup.Escape(issue.Name)}[/] [grey]({Markup.Escape(issue.Id)}, scale {NumberFormat.Plain(issue.ScaleLow)}–{NumberFormat.Plain(issue.ScaleHigh)})[/]");
        table.AddColumn("Actor");
        table.AddColumn(new TableColumn("Position").RightAligned());
        table.AddColumn(new TableColumn("Salience").RightAligned());
        table.AddColumn(new TableColumn("Capability").RightAligned());
        if (evidence)
        {
            table.AddColumn("Evidence");
        }

        foreach (var actor in s.Actors)
        {
            var v = s.FindValue(actor.Id, issue.Id);
            var cells = new List<string> { Markup.Escape(actor.Name) };
            if (v is null)
            {
                cells.AddRange(["[grey]abstains[/]", string.Empty, string.Empty]);
                if (evidence)
                {
                    cells.Add(string.Empty);
                }
            }
            else
            {
                cells.Add(Markup.Escape(v.Position.ToString()));
                cells.Add(Markup.Escape(v.Salience.ToString()));
                cells.Add(Markup.Escape(v.Capability.ToString()));
                if (evidence)
                {
                    cells.Add(FormatEvidence(v.Evidence));
                }
            }

            table.AddRow(cells.ToArray());
        }

        c.Write(table);
        if (issue.Anchors.Count > 0)
        {
            foreach (var a in issue.Anchors)
            {
                c.MarkupLine($"  [grey]{NumberFormat.Plain(a.Value),5}[/]  {Markup.Escape(a.Label)}");
            }
        }

        c.WriteLine();
    }

    private static string FormatEvidence(Evidence e)
    {
        if (e.IsEmpty)
        {
            return "[grey]none[/]";
        }

        var parts = new List<string>();
        if (e.Source is not null)
        {
            parts.Add($"[bold][[{Markup.Escape(e.Source)}]][/]");
        }

        parts.AddRange(e.Quotes.Select(q => $"[italic]\"{Markup.Escape(q)}\"[/]"));
        if (e.Note is not null)
        {
            parts.Add(Markup.Escape(e.Note));
        }

        return string.Join(" ", parts);
    }
}
