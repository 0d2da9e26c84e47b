using Parley.Storage.Schema;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests.Schema;

public sealed class SchemaMigratorTests
{
    // The version-1 schema exactly as Parley 0.1 wrote it. Frozen here on purpose, independent of Migrations.cs,
    // so this test keeps checking that files in the wild still migrate even if someone edits step 1 by mistake.
    private const string Version1Database = """
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
        PRAGMA application_id = 1347570777;
        PRAGMA user_version = 1;
        """;

    private static void WriteVersion1Database(string path, string scenarioHash, string scenarioText, string results)
    {
        RawSqlite.Execute(path, Version1Database);
        RawSqlite.Execute(path, $"""
            INSERT INTO scenarios VALUES ('{scenarioHash}', 'eu-emissions', 'EU', 'yaml', '{scenarioText.Replace("'", "''", StringComparison.Ordinal)}', '2025-12-01T08:00:00.0000000Z');
            INSERT INTO runs VALUES ('old1', '{scenarioHash}', NULL, '["eum"]', '{"{"}"alpha":0.5{"}"}', 7, 500, '0.1.0',
                'parley forecast eu.yaml --json', '2025-12-01T08:00:01.0000000Z', '2025-12-01T08:00:04.5000000Z',
                'succeeded', '{results.Replace("'", "''", StringComparison.Ordinal)}', NULL);
            INSERT INTO runs VALUES ('old2', '{scenarioHash}', 'dove', '[]', '{"{}"}', NULL, NULL, '0.1.0',
                'parley forecast eu.yaml', '2025-12-02T08:00:00.0000000Z', NULL, 'running', NULL, NULL);
            """);
    }

    [Fact]
    public void Open_Version1Database_MigratesToLatestKeepingRuns()
    {
        // Given a database written by the version-1 schema
        using var db = new TempDatabase();
        var text = Samples.ScenarioText();
        var hash = ContentHash.Of(text);
        var results = Samples.Results(1);
        WriteVersion1Database(db.Path, hash, text, results);

        // When this Parley opens it
        using var store = RunStore.Open(db.Path);

        // Then it is at the latest version and every old run reads back, with the new digest column filled in
        Assert.Equal((long)RunStore.SchemaVersion, RawSqlite.Scalar(db.Path, "PRAGMA user_version"));
        var old1 = store.GetRun("old1");
        Assert.Equal(results, old1.ResultsJson);
        Assert.Equal(7L, old1.Seed);
        Assert.Equal(500, old1.Draws);
        Assert.Equal(["eum"], old1.Models);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 8, 0, 4, 500, TimeSpan.Zero), old1.EndedAt);
        Assert.Equal(RunStatus.Running, store.GetRun("old2").Status);
        Assert.Equal(text, store.GetScenarioText(hash));
        var listed = store.ListRuns();
        Assert.Equal(["old2", "old1"], listed.Select(r => r.Id));
        Assert.Equal(ContentHash.Of(results), listed[1].ResultsSha256);
        Assert.Null(listed[0].ResultsSha256);

        // and it takes new runs
        store.CompleteRun("old2", "{}");
        Assert.Equal("{}", store.GetRun("old2").ResultsJson);
    }

    [Fact]
    public void Open_NewFile_IsLatestVersionInWalModeWithParleyMark()
    {
        using var db = new TempDatabase();

        using (RunStore.Open(db.Path))
        {
            Assert.Equal("wal", RawSqlite.Scalar(db.Path, "PRAGMA journal_mode"));
        }

        Assert.Equal((long)Migrations.Latest, RawSqlite.Scalar(db.Path, "PRAGMA user_version"));
        Assert.Equal((long)Migrations.ApplicationId, RawSqlite.Scalar(db.Path, "PRAGMA application_id"));
    }

    [Fact]
    public void Open_DatabaseFromNewerParley_ThrowsAndLeavesFileUnchanged()
    {
        // Given a database a future Parley migrated to a version this one does not know
        using var db = new TempDatabase();
        using (var store = RunStore.Open(db.Path))
        {
            store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        }

        var future = RunStore.SchemaVersion + 5;
        RawSqlite.Execute(db.Path, $"PRAGMA user_version = {future}; PRAGMA wal_checkpoint(TRUNCATE);");
        var before = File.ReadAllBytes(db.Path);

        // When this Parley opens it
        var ex = Assert.Throws<RunDatabaseException>(() => RunStore.Open(db.Path));

        // Then it refuses, says why, and changes nothing
        Assert.Equal(RunDatabaseProblem.NewerSchema, ex.Problem);
        Assert.Contains(db.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {future}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("newer Parley", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(db.Path));
    }

    [Fact]
    public void Open_StepThatFails_RollsBackWholeMigration()
    {
        // Given a version-1 database and a migration list whose last step fails half way
        using var db = new TempDatabase();
        var text = Samples.ScenarioText();
        WriteVersion1Database(db.Path, ContentHash.Of(text), text, Samples.Results(1));
        Migration[] steps =
        [
            .. Migrations.All,
            new Migration(Migrations.Latest + 1, "fails half way", (connection, transaction) =>
            {
                Sql.Execute(connection, transaction, "DELETE FROM runs");
                throw new InvalidOperationException("step failed");
            }),
        ];

        // When it is opened with that list
        Assert.Throws<InvalidOperationException>(() => RunStore.Open(db.Path, null, steps));

        // Then nothing of the migration remains: still version 1, both runs there, no new column
        Assert.Equal(1L, RawSqlite.Scalar(db.Path, "PRAGMA user_version"));
        Assert.Equal(2L, RawSqlite.Scalar(db.Path, "SELECT count(*) FROM runs"));
        Assert.Equal(0L, RawSqlite.Scalar(db.Path, "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'results_sha256'"));
    }

    [Fact]
    public void Migrations_All_AreConsecutiveFromOne()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.All.Count), Migrations.All.Select(m => m.Version));
    }
}
