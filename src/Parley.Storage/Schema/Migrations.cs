using Microsoft.Data.Sqlite;

namespace Parley.Storage.Schema;

/// <summary>
/// The ordered list of schema steps. The database's version is <c>PRAGMA user_version</c>, which lives in the file
/// header and changes in the same transaction as the step, so a crash mid-migration leaves the old version intact.
/// </summary>
internal static class Migrations
{
    /// <summary><c>PRAGMA application_id</c> marking a Parley run database: "PRLY" in ASCII.</summary>
    public const int ApplicationId = 0x50524C59;

    public static IReadOnlyList<Migration> All { get; } =
    [
        Migration.FromSql(1, "scenario versions and runs", V1),
        new Migration(2, "results digest column, list indexes", ApplyV2),
    ];

    public static int Latest => All[^1].Version;

    // Version 1: the first released schema. Frozen.
    private const string V1 = """
        CREATE TABLE scenarios (
            hash        TEXT NOT NULL PRIMARY KEY CHECK (length(hash) = 64),
            scenario_id TEXT NOT NULL,
            name        TEXT NOT NULL,
            format      TEXT NOT NULL,
            text        TEXT NOT NULL,
            first_seen  TEXT NOT NULL
        );
        CREATE INDEX ix_scenarios_scenario_id ON scenarios (scenario_id);
        CREATE TABLE runs (
            id             TEXT NOT NULL PRIMARY KEY,
            scenario_hash  TEXT NOT NULL REFERENCES scenarios (hash),
            variant        TEXT,
            models         TEXT NOT NULL,
            parameters     TEXT NOT NULL,
            seed           INTEGER,
            draws          INTEGER,
            engine_version TEXT NOT NULL,
            command        TEXT NOT NULL,
            started_at     TEXT NOT NULL,
            ended_at       TEXT,
            status         TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
            results        TEXT,
            error          TEXT
        );
        """;

    // Version 2: a digest of the results bytes (for quick rerun checks and listing without reading results), and
    // indexes for the run list's newest-first order, overall and per scenario version.
    private static void ApplyV2(SqliteConnection connection, SqliteTransaction transaction)
    {
        Sql.Execute(connection, transaction, """
            ALTER TABLE runs ADD COLUMN results_sha256 TEXT;
            CREATE INDEX ix_runs_started ON runs (started_at);
            CREATE INDEX ix_runs_scenario_started ON runs (scenario_hash, started_at);
            """);

        // Backfill: SQLite has no SHA-256 built in, so digests of existing results are computed here.
        var digests = new List<(string Id, string Digest)>();
        using (var select = Sql.Command(connection, transaction, "SELECT id, results FROM runs WHERE results IS NOT NULL"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                digests.Add((reader.GetString(0), ContentHash.Of(reader.GetString(1))));
            }
        }

        using var update = Sql.Command(connection, transaction, "UPDATE runs SET results_sha256 = $digest WHERE id = $id");
        var id = update.Parameters.Add("$id", SqliteType.Text);
        var digest = update.Parameters.Add("$digest", SqliteType.Text);
        foreach (var row in digests)
        {
            id.Value = row.Id;
            digest.Value = row.Digest;
            update.ExecuteNonQuery();
        }
    }
}
