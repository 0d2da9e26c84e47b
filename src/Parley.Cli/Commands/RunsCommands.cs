using System.ComponentModel;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Formats;
using Parley.Storage;
using Parley.Storage.Rerun;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings shared by the <c>parley runs</c> commands.</summary>
internal class RunsSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("Run store database (default: $PARLEY_DB, else ~/.local/share/parley/parley.db).")]
    public string? Db { get; init; }
}

/// <summary>Settings of the commands that act on one stored run.</summary>
internal class RunIdSettings : RunsSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("Run id, or a unique prefix of it (as shown by 'parley runs list').")]
    public string Id { get; init; } = string.Empty;
}

/// <summary>Opens the store and maps its failures to exit code 2 with the store's own message.</summary>
internal static class StoreAccess
{
    public static RunStore Open(CliIo io, string? db)
    {
        var path = RunRecorder.DatabasePath(io, db);
        if (!File.Exists(path))
        {
            throw new UserInputException($"No run store at {path} yet: runs are stored by 'parley forecast'. Use --db PATH for another database.");
        }

        try
        {
            return RunStore.Open(path);
        }
        catch (RunStoreException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }
    }

    public static T Use<T>(CliIo io, string? db, Func<RunStore, T> action)
    {
        using var store = Open(io, db);
        try
        {
            return action(store);
        }
        catch (RunStoreException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }
    }
}

/// <summary><c>parley runs list</c>: stored runs, newest first.</summary>
internal sealed class RunsListCommand(CliIo io) : Command<RunsListCommand.Settings>
{
    internal sealed class Settings : RunsSettings
    {
        [CommandOption("--scenario <ID>")]
        [Description("Only runs of this scenario id.")]
        public string? Scenario { get; init; }

        [CommandOption("--limit <N>")]
        [Description("Most runs listed (default 20).")]
        public int Limit { get; init; } = 20;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var runs = StoreAccess.Use(io, settings.Db, s => s.ListRuns(new RunFilter { ScenarioId = settings.Scenario, Limit = Math.Clamp(settings.Limit, 1, 10_000) }));
        var table = new Table().RoundedBorder();
        table.AddColumn("Run");
        table.AddColumn("Started (UTC)");
        table.AddColumn("Scenario");
        table.AddColumn("Variant");
        table.AddColumn("Models");
        table.AddColumn(new TableColumn("Draws").RightAligned());
        table.AddColumn(new TableColumn("Seed").RightAligned());
        table.AddColumn("Status");
        foreach (var r in runs)
        {
            table.AddRow(
                Markup.Escape(r.Id[..Math.Min(8, r.Id.Length)]),
                r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Markup.Escape(r.ScenarioId),
                Markup.Escape(r.Variant ?? "baseline"),
                Markup.Escape(string.Join(",", r.Models)),
                r.Draws?.ToString(CultureInfo.InvariantCulture) ?? "-",
                r.Seed is { } seed ? unchecked((ulong)seed).ToString(CultureInfo.InvariantCulture) : "-",
                Markup.Escape(r.Status.ToString().ToLowerInvariant()));
        }

        io.Console.Write(table);
        io.Console.MarkupLine($"[grey]{runs.Count} run{(runs.Count == 1 ? string.Empty : "s")} in {Markup.Escape(RunRecorder.DatabasePath(io, settings.Db))}[/]");
        return 0;
    }
}

/// <summary><c>parley runs show ID</c>: one run's inputs, parameters and results.</summary>
internal sealed class RunsShowCommand(CliIo io) : Command<RunIdSettings>
{
    public override int Execute(CommandContext context, RunIdSettings settings, CancellationToken cancellationToken)
    {
        var (run, scenario) = StoreAccess.Use(io, settings.Db, s =>
        {
            var r = s.GetRun(settings.Id);
            return (r, s.GetScenario(r.ScenarioHash));
        });
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[grey]run[/]", Markup.Escape(run.Id));
        grid.AddRow("[grey]command[/]", Markup.Escape(run.Command));
        grid.AddRow("[grey]scenario[/]", Markup.Escape($"{scenario.ScenarioId} ({scenario.Name}), version {run.ScenarioHash[..12]}"));
        grid.AddRow("[grey]variant[/]", Markup.Escape(run.Variant ?? "baseline"));
        grid.AddRow("[grey]models[/]", Markup.Escape(string.Join(", ", run.Models)));
        grid.AddRow("[grey]draws / seed[/]", Markup.Escape($"{run.Draws?.ToString(CultureInfo.InvariantCulture) ?? "-"} / {(run.Seed is { } seed ? unchecked((ulong)seed).ToString(CultureInfo.InvariantCulture) : "-")}"));
        grid.AddRow("[grey]parameters[/]", Markup.Escape(run.ParametersJson));
        grid.AddRow("[grey]engine[/]", Markup.Escape(run.EngineVersion));
        grid.AddRow("[grey]started / ended[/]", Markup.Escape($"{run.StartedAt:u} / {run.EndedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}"));
        grid.AddRow("[grey]status[/]", Markup.Escape(run.Status.ToString().ToLowerInvariant() + (run.ErrorMessage is null ? string.Empty : ": " + run.ErrorMessage)));
        io.Console.Write(grid);
        if (run.ResultsJson is not null)
        {
            io.Console.WriteLine();
            io.Out.Write(run.ResultsJson);
        }

        return 0;
    }
}

/// <summary><c>parley runs rerun ID</c>: runs a stored run again from its stored scenario and parameters and checks the bytes.</summary>
internal sealed class RunsRerunCommand(CliIo io) : Command<RunIdSettings>
{
    public override int Execute(CommandContext context, RunIdSettings settings, CancellationToken cancellationToken)
    {
        var (run, text) = StoreAccess.Use(io, settings.Db, s =>
        {
            var r = s.GetRun(settings.Id);
            return (r, s.GetScenarioText(r.ScenarioHash));
        });
        if (run.ResultsJson is null)
        {
            throw new UserInputException($"Run {run.Id} has no stored results to compare with (status {run.Status.ToString().ToLowerInvariant()}).");
        }

        var request = ForecastRequest.FromJson(run.ParametersJson);
        var options = new ScenarioLoadOptions { Scale = request.Scale is { Length: 2 } sc ? (sc[0], sc[1]) : null };
        var scenario = ScenarioLoader.LoadText(text, string.IsNullOrEmpty(request.SourceName) ? "scenario.yaml" : request.SourceName, options);
        var outcome = ForecastRunner.Run(scenario, request, threads: null, progress: null, cancellationToken);
        var comparison = ResultsComparison.Compare(run.ResultsJson, outcome.Json);
        if (comparison.Identical)
        {
            io.Console.MarkupLine($"[green]identical[/]: run {Markup.Escape(run.Id[..8])} reproduced byte for byte ({outcome.Json.Length:N0} characters of results).");
            return 0;
        }

        io.Error.WriteLine($"error: run {run.Id} did not reproduce: {comparison}");
        return 1;
    }
}

/// <summary><c>parley runs export ID</c>: the run with its scenario text and results, as one JSON document.</summary>
internal sealed class RunsExportCommand(CliIo io) : Command<RunsExportCommand.Settings>
{
    internal sealed class Settings : RunIdSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Write to this file instead of standard output.")]
        public string? Output { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var json = StoreAccess.Use(io, settings.Db, s => s.ExportRun(settings.Id));
        if (settings.Output is null)
        {
            io.Out.Write(json);
        }
        else
        {
            File.WriteAllText(settings.Output, json);
            io.Console.MarkupLine($"[green]exported[/] to {Markup.Escape(settings.Output)}");
        }

        return 0;
    }
}
