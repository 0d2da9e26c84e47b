using Parley.Formats.Embedded;
using Parley.Cli.Infrastructure;
using Parley.Core.Scenarios;
using Parley.Formats;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley scenarios</c>: the scenarios embedded in the executable.</summary>
internal sealed class ScenariosCommand(CliIo io) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var table = new Table().RoundedBorder();
        table.AddColumn("Id");
        table.AddColumn("Name");
        table.AddColumn(new TableColumn("Issues").RightAligned());
        table.AddColumn(new TableColumn("Actors").RightAligned());
        table.AddColumn(new TableColumn("Variants").RightAligned());
        table.AddColumn("Source");
        foreach (var id in EmbeddedScenarios.Ids)
        {
            Scenario s = ScenarioLoader.LoadText(EmbeddedScenarios.ReadText(id)!, EmbeddedScenarios.DisplayName(id), new ScenarioLoadOptions());
            var marker = id == EmbeddedScenarios.DefaultId ? " [grey](default)[/]" : string.Empty;
            table.AddRow(
                new Markup($"[bold]{Markup.Escape(id)}[/]{marker}"),
                new Markup(Markup.Escape(s.Name)),
                new Markup(s.Issues.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup(s.Actors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup(s.Variants.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup(Markup.Escape(s.Metadata.Title ?? s.Metadata.Source ?? string.Empty)));
        }

        io.Console.Write(table);
        io.Console.MarkupLine("[grey]Run one with: parley forecast <id>[/]");
        return 0;
    }
}
