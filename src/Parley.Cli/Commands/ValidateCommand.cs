using Parley.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley validate FILE</c>: loads and checks a scenario; lists every problem (exit 2) or says it is valid.</summary>
internal sealed class ValidateCommand(CliIo io) : Command<ScenarioSettings>
{
    public override int Execute(CommandContext context, ScenarioSettings settings, CancellationToken cancellationToken)
    {
        // Problems surface as ScenarioLoadException, which the app's handler prints with exit code 2.
        var scenario = ScenarioResolver.Resolve(settings.File, settings.LoadOptions());
        var ranged = scenario.Values.Count(v => !v.Position.IsPoint || !v.Salience.IsPoint || !v.Capability.IsPoint);
        io.Console.MarkupLine($"[green]valid[/] {Markup.Escape(scenario.Id)}: {scenario.Issues.Count} issues, {scenario.Actors.Count} actors, {scenario.Values.Count} values ({ranged} with ranges), {scenario.Variants.Count} variants, {scenario.Predictions.Count} predictions, {scenario.Recommendations.Count} recommendations.");
        foreach (var issue in scenario.Issues)
        {
            var absent = scenario.Actors.Where(a => scenario.FindValue(a.Id, issue.Id) is null).Select(a => a.Id).ToList();
            if (absent.Count > 0)
            {
                io.Console.MarkupLine($"[grey]note:[/] on {Markup.Escape(issue.Id)} these actors abstain (no value): {Markup.Escape(string.Join(", ", absent))}");
            }
        }

        return 0;
    }
}
