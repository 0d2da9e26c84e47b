using System.ComponentModel;
using System.Text;
using Parley.Cli.Infrastructure;
using Parley.Formats;
using Parley.Formats.Decide;
using Parley.Formats.Ktab;
using Parley.Formats.Writing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley import FILE -o scenario.yaml</c>: any readable format (KTAB CSV/XML, Decide, CSV, JSON) to Parley YAML.</summary>
internal sealed class ImportCommand(CliIo io) : Command<ImportCommand.Settings>
{
    internal sealed class Settings : ScenarioSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the Parley YAML (default: standard output).")]
        public string? Output { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.File is null)
        {
            throw new UserInputException("Give the file to import, e.g. parley import CoP21.csv -o cop21.yaml.");
        }

        var scenario = ScenarioResolver.Resolve(settings.File, settings.LoadOptions());
        var yaml = ScenarioWriter.ToYaml(scenario, ScenarioWriter.SchemaComment);
        Interchange.Write(io, settings.Output, yaml, $"imported {scenario.Id}: {scenario.Issues.Count} issues, {scenario.Actors.Count} actors");
        return 0;
    }
}

/// <summary><c>parley export FILE --to ktab|decide|yaml -o OUT</c>: a scenario in another tool's format.</summary>
internal sealed class ExportCommand(CliIo io) : Command<ExportCommand.Settings>
{
    internal sealed class Settings : ScenarioSettings
    {
        [CommandOption("--to <FORMAT>")]
        [Description("ktab (KTAB SMP CSV), decide (Decide #A/#P/#D) or yaml.")]
        public string To { get; init; } = string.Empty;

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write (default: standard output).")]
        public string? Output { get; init; }

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            if (!b.Successful)
            {
                return b;
            }

            return To is "ktab" or "decide" or "yaml"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--to '{To}' is not known: use ktab, decide or yaml.");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioResolver.Resolve(settings.File, settings.LoadOptions());
        string text;
        try
        {
            text = settings.To switch
            {
                "ktab" => KtabCsvWriter.Write(scenario),
                "decide" => DecideWriter.Write(scenario),
                _ => ScenarioWriter.ToYaml(scenario, ScenarioWriter.SchemaComment),
            };
        }
        catch (ArgumentException ex)
        {
            // A scenario can hold what the target format cannot (e.g. KTAB needs one capability per actor).
            throw new UserInputException($"Scenario '{scenario.Id}' cannot be written as {settings.To}: {ex.Message}", ex);
        }

        Interchange.Write(io, settings.Output, text, $"exported {scenario.Id} as {settings.To}");
        return 0;
    }
}

/// <summary>Writes converted text to a file or standard output.</summary>
internal static class Interchange
{
    public static void Write(CliIo io, string? output, string text, string summary)
    {
        if (output is null || output == "-")
        {
            io.Out.Write(text);
            return;
        }

        File.WriteAllText(output, text, new UTF8Encoding(false));
        io.Console.MarkupLine($"[green]{Markup.Escape(summary)}[/] → {Markup.Escape(output)}");
    }
}
