using Microsoft.Data.Sqlite;
using Parley.Storage.Schema;

namespace Parley.Storage.Sqlite;

/// <summary>Maps rows of the runs and scenarios tables to records.</summary>
internal static class RunRows
{
    public const string RunColumns =
        "id, scenario_hash, variant, models, parameters, seed, draws, engine_version, command, started_at, ended_at, status, results, error";

    public const string ScenarioColumns = "hash, scenario_id, name, text, format, first_seen";

    public static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    public static RunStatus ParseStatus(string text) => text switch
    {
        "running" => RunStatus.Running,
        "succeeded" => RunStatus.Succeeded,
        "failed" => RunStatus.Failed,
        _ => throw new InvalidDataException($"Unknown run status '{text}' in the database."),
    };

    public static RunRecord? FindById(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        using var select = Sql.Command(connection, transaction, $"SELECT {RunColumns} FROM runs WHERE id = $id");
        select.Parameters.AddWithValue("$id", id);
        using var reader = select.ExecuteReader();
        return reader.Read() ? ReadRun(reader) : null;
    }

    public static RunRecord ReadRun(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        ScenarioHash = r.GetString(1),
        Variant = r.IsDBNull(2) ? null : r.GetString(2),
        Models = JsonText.DecodeModels(r.GetString(3)),
        ParametersJson = r.GetString(4),
        Seed = r.IsDBNull(5) ? null : r.GetInt64(5),
        Draws = r.IsDBNull(6) ? null : r.GetInt32(6),
        EngineVersion = r.GetString(7),
        Command = r.GetString(8),
        StartedAt = Timestamps.Parse(r.GetString(9)),
        EndedAt = r.IsDBNull(10) ? null : Timestamps.Parse(r.GetString(10)),
        Status = ParseStatus(r.GetString(11)),
        ResultsJson = r.IsDBNull(12) ? null : r.GetString(12),
        ErrorMessage = r.IsDBNull(13) ? null : r.GetString(13),
    };

    public static ScenarioRecord ReadScenario(SqliteDataReader r) => new(
        Hash: r.GetString(0),
        ScenarioId: r.GetString(1),
        Name: r.GetString(2),
        Text: r.GetString(3),
        Format: r.GetString(4),
        FirstSeen: Timestamps.Parse(r.GetString(5)));
}
