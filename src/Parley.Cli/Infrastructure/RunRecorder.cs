using Parley.Core.Scenarios;
using Parley.Storage;

namespace Parley.Cli.Infrastructure;

/// <summary>
/// Saves runs in the run store. Storing is a convenience: when the database cannot be written, the user is warned on
/// standard error and the command still succeeds with its results printed.
/// </summary>
internal static class RunRecorder
{
    /// <summary>The database to use: --db, else the one the environment gives (PARLEY_DB), else the user's data folder.</summary>
    public static string DatabasePath(CliIo io, string? option) => option ?? io.DatabasePath ?? RunStore.DefaultPath;

    public static string? TryRecord(CliIo io, string? dbOption, ScenarioSource source, Scenario scenario, string command, IReadOnlyList<string> models, ForecastRequest request, string resultsJson)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scenario);
        var path = DatabasePath(io, dbOption);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var store = RunStore.Open(path);
            var hash = store.SaveScenario(source.Text, source.Format, scenario.Id, scenario.Name);
            var run = store.BeginRun(new NewRun
            {
                ScenarioHash = hash,
                Variant = request.Variant,
                Models = models,
                ParametersJson = request.ToJson(),
                Seed = request.Draws > 0 ? unchecked((long)request.Seed) : null,
                Draws = request.Draws > 0 ? request.Draws : null,
                EngineVersion = EngineVersion,
                Command = command,
            });
            store.CompleteRun(run.Id, resultsJson);
            return run.Id;
        }
        catch (Exception ex) when (ex is RunStoreException or IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"warning: the run was not stored in {path}: {ex.Message} (use --db PATH or --no-store)");
            return null;
        }
    }

    /// <summary>Parley's version as stored with each run.</summary>
    public static string EngineVersion => typeof(RunRecorder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
