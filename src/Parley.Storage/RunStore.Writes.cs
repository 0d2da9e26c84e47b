using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Storage.Schema;
using Parley.Storage.Sqlite;

namespace Parley.Storage;

public sealed partial class RunStore
{
    /// <summary>
    /// Stores a scenario version unless one with the same content hash is stored already (then the stored id, name
    /// and first-seen time are kept).
    /// </summary>
    /// <param name="text">The canonical scenario text; hashed exactly as given (see <see cref="ContentHash.Of"/>).</param>
    /// <param name="format">The text's format, e.g. <c>yaml</c> or <c>json</c>; not empty.</param>
    /// <param name="scenarioId">The scenario's own id; not empty.</param>
    /// <param name="name">The scenario's display name; may be empty.</param>
    /// <returns>The content hash that names this version.</returns>
    public string SaveScenario(string text, string format, string scenarioId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        ArgumentNullException.ThrowIfNull(name);

        var hash = ContentHash.Of(text);
        var firstSeen = Timestamps.ToText(_time.GetUtcNow());
        return Use(connection =>
        {
            using var insert = Sql.Command(connection, null, """
                INSERT INTO scenarios (hash, scenario_id, name, format, text, first_seen)
                VALUES ($hash, $id, $name, $format, $text, $firstSeen)
                ON CONFLICT (hash) DO NOTHING
                """);
            insert.Parameters.AddWithValue("$hash", hash);
            insert.Parameters.AddWithValue("$id", scenarioId);
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$format", format);
            insert.Parameters.AddWithValue("$text", text);
            insert.Parameters.AddWithValue("$firstSeen", firstSeen);
            insert.ExecuteNonQuery();
            return hash;
        });
    }

    /// <summary>
    /// Records the start of a run (status <see cref="RunStatus.Running"/>, start time now) before it produces
    /// results, so that a crash still leaves a trace. Finish it with <see cref="CompleteRun"/> or <see cref="FailRun"/>.
    /// </summary>
    /// <returns>The stored run, with its id.</returns>
    /// <exception cref="RunNotFoundException">The scenario hash is not stored.</exception>
    /// <exception cref="RunConflictException">A run with the given id exists already.</exception>
    public RunRecord BeginRun(NewRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var record = new RunRecord
        {
            Id = run.Id ?? RunIds.New(),
            ScenarioHash = run.ScenarioHash,
            Variant = run.Variant,
            Models = run.Models?.ToArray()!,
            ParametersJson = run.ParametersJson,
            Seed = run.Seed,
            Draws = run.Draws,
            EngineVersion = run.EngineVersion,
            Command = run.Command,
            StartedAt = _time.GetUtcNow(),
            Status = RunStatus.Running,
        };
        SaveRun(record);
        return record;
    }

    /// <summary>Stores a whole run at once (in any state), e.g. after it has finished.</summary>
    /// <exception cref="ArgumentException">The record breaks an invariant listed on <see cref="RunRecord"/> or holds invalid JSON.</exception>
    /// <exception cref="RunNotFoundException">The scenario hash is not stored.</exception>
    /// <exception cref="RunConflictException">A run with this id exists already.</exception>
    public void SaveRun(RunRecord run)
    {
        Validate(run);
        Use(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            RequireScenario(connection, transaction, run.ScenarioHash);
            using (var exists = Sql.Command(connection, transaction, "SELECT 1 FROM runs WHERE id = $id"))
            {
                exists.Parameters.AddWithValue("$id", run.Id);
                if (exists.ExecuteScalar() is not null)
                {
                    throw new RunConflictException(run.Id, $"A run with id '{run.Id}' is already stored; stored runs are never replaced.");
                }
            }

            using var insert = Sql.Command(connection, transaction, """
                INSERT INTO runs (id, scenario_hash, variant, models, parameters, seed, draws, engine_version, command,
                                  started_at, ended_at, status, results, error, results_sha256)
                VALUES ($id, $hash, $variant, $models, $parameters, $seed, $draws, $engine, $command,
                        $started, $ended, $status, $results, $error, $digest)
                """);
            var p = insert.Parameters;
            p.AddWithValue("$id", run.Id);
            p.AddWithValue("$hash", run.ScenarioHash);
            p.AddWithValue("$variant", (object?)run.Variant ?? DBNull.Value);
            p.AddWithValue("$models", JsonText.EncodeModels(run.Models));
            p.AddWithValue("$parameters", run.ParametersJson);
            p.AddWithValue("$seed", (object?)run.Seed ?? DBNull.Value);
            p.AddWithValue("$draws", (object?)run.Draws ?? DBNull.Value);
            p.AddWithValue("$engine", run.EngineVersion);
            p.AddWithValue("$command", run.Command);
            p.AddWithValue("$started", Timestamps.ToText(run.StartedAt));
            p.AddWithValue("$ended", run.EndedAt is { } ended ? Timestamps.ToText(ended) : DBNull.Value);
            p.AddWithValue("$status", RunRows.StatusText(run.Status));
            p.AddWithValue("$results", (object?)run.ResultsJson ?? DBNull.Value);
            p.AddWithValue("$error", (object?)run.ErrorMessage ?? DBNull.Value);
            p.AddWithValue("$digest", run.ResultsJson is { } results ? ContentHash.Of(results) : DBNull.Value);
            insert.ExecuteNonQuery();
            transaction.Commit();
            return 0;
        });
    }

    /// <summary>Marks a running run as succeeded with the exact results text the CLI printed.</summary>
    /// <param name="runId">The full run id (not a prefix).</param>
    /// <param name="resultsJson">The printed results: one JSON value, stored byte for byte (trailing newline and all).</param>
    /// <param name="endedAt">The end time; default now. Not before the start time.</param>
    /// <returns>The finished run as stored.</returns>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    /// <exception cref="RunConflictException">The run has already finished.</exception>
    public RunRecord CompleteRun(string runId, string resultsJson, DateTimeOffset? endedAt = null)
    {
        JsonText.Require(resultsJson, nameof(resultsJson));
        return Finish(runId, RunStatus.Succeeded, resultsJson, null, endedAt);
    }

    /// <summary>Marks a running run as failed.</summary>
    /// <param name="runId">The full run id (not a prefix).</param>
    /// <param name="errorMessage">Why it failed; not empty.</param>
    /// <param name="endedAt">The end time; default now. Not before the start time.</param>
    /// <returns>The finished run as stored.</returns>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    /// <exception cref="RunConflictException">The run has already finished.</exception>
    public RunRecord FailRun(string runId, string errorMessage, DateTimeOffset? endedAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorMessage);
        return Finish(runId, RunStatus.Failed, null, errorMessage, endedAt);
    }

    private RunRecord Finish(string runId, RunStatus status, string? results, string? error, DateTimeOffset? endedAt)
    {
        RequireValidId(runId, nameof(runId));
        var ended = endedAt ?? _time.GetUtcNow();
        return Use(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var current = RunRows.FindById(connection, transaction, runId)
                ?? throw new RunNotFoundException(runId, $"No stored run has id '{runId}'.");
            if (current.Status != RunStatus.Running)
            {
                throw new RunConflictException(runId,
                    $"Run '{runId}' has already {RunRows.StatusText(current.Status)}; a finished run cannot be changed.");
            }

            if (ended < current.StartedAt)
            {
                throw new ArgumentOutOfRangeException(nameof(endedAt), ended,
                    $"The end time must not be before the run's start time {Timestamps.ToText(current.StartedAt)}.");
            }

            using var update = Sql.Command(connection, transaction, """
                UPDATE runs SET status = $status, ended_at = $ended, results = $results, error = $error,
                                results_sha256 = $digest
                WHERE id = $id AND status = 'running'
                """);
            update.Parameters.AddWithValue("$id", runId);
            update.Parameters.AddWithValue("$status", RunRows.StatusText(status));
            update.Parameters.AddWithValue("$ended", Timestamps.ToText(ended));
            update.Parameters.AddWithValue("$results", (object?)results ?? DBNull.Value);
            update.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
            update.Parameters.AddWithValue("$digest", results is null ? DBNull.Value : ContentHash.Of(results));
            update.ExecuteNonQuery();
            transaction.Commit();
            return current with { Status = status, EndedAt = ended, ResultsJson = results, ErrorMessage = error };
        });
    }

    private static void RequireScenario(SqliteConnection connection, SqliteTransaction transaction, string hash)
    {
        using var exists = Sql.Command(connection, transaction, "SELECT 1 FROM scenarios WHERE hash = $hash");
        exists.Parameters.AddWithValue("$hash", hash);
        if (exists.ExecuteScalar() is null)
        {
            throw new RunNotFoundException(hash, $"No scenario version with hash '{hash}' is stored; save the scenario first (SaveScenario).");
        }
    }

    private static void RequireValidId(string id, string name)
    {
        ArgumentNullException.ThrowIfNull(id, name);
        if (!RunIds.IsValid(id))
        {
            throw new ArgumentException($"Run id '{id}' is not valid: use 1 to {RunIds.MaxLength} characters from 0-9, a-z, '-' and '_'.", name);
        }
    }

    private static void Validate(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        RequireValidId(run.Id, nameof(run.Id));
        if (!ContentHash.IsWellFormed(run.ScenarioHash))
        {
            throw new ArgumentException($"Scenario hash '{run.ScenarioHash}' is not 64 lowercase hex digits.", nameof(run));
        }

        ArgumentNullException.ThrowIfNull(run.Models, nameof(run.Models));
        if (run.Models.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Model ids must not be empty.", nameof(run));
        }

        JsonText.Require(run.ParametersJson, nameof(run.ParametersJson), JsonValueKind.Object);
        if (run.Draws is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(run), run.Draws, $"Draws must be at least 1 (or null); got {run.Draws}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(run.EngineVersion, nameof(run.EngineVersion));
        ArgumentNullException.ThrowIfNull(run.Command, nameof(run.Command));
        if (run.EndedAt is { } ended && ended < run.StartedAt)
        {
            throw new ArgumentException($"The end time {Timestamps.ToText(ended)} is before the start time {Timestamps.ToText(run.StartedAt)}.", nameof(run));
        }

        var consistent = run.Status switch
        {
            RunStatus.Running => run.EndedAt is null && run.ResultsJson is null && run.ErrorMessage is null,
            RunStatus.Succeeded => run.EndedAt is not null && run.ResultsJson is not null && run.ErrorMessage is null,
            RunStatus.Failed => run.EndedAt is not null && run.ResultsJson is null && !string.IsNullOrWhiteSpace(run.ErrorMessage),
            _ => throw new ArgumentOutOfRangeException(nameof(run), run.Status, "Unknown run status."),
        };
        if (!consistent)
        {
            throw new ArgumentException(
                $"A {RunRows.StatusText(run.Status)} run must have: running -> no end time, results or error; " +
                "succeeded -> end time and results, no error; failed -> end time and error, no results.", nameof(run));
        }

        if (run.ResultsJson is not null)
        {
            JsonText.Require(run.ResultsJson, nameof(run.ResultsJson));
        }
    }
}
