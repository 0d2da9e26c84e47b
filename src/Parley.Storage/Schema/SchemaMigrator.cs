using Microsoft.Data.Sqlite;

namespace Parley.Storage.Schema;

/// <summary>
/// Brings a database up to the latest schema, or refuses it: a database from a newer Parley, or one that belongs
/// to another application, is left exactly as found.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Checks the database and applies the missing steps up to <paramref name="targetVersion"/> in one immediate transaction.</summary>
    /// <returns>The schema version found before migrating.</returns>
    public static int Migrate(SqliteConnection connection, string path, IReadOnlyList<Migration> steps, int targetVersion)
    {
        var found = Check(connection, null, path, steps);
        if (found >= targetVersion)
        {
            return found;
        }

        // IMMEDIATE takes the write lock up front; a second process opening the same new file waits here
        // (busy timeout), then sees the version already raised and applies nothing.
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = Check(connection, transaction, path, steps);
        foreach (var step in steps.Where(s => s.Version > current && s.Version <= targetVersion).OrderBy(s => s.Version))
        {
            step.Apply(connection, transaction);
            Sql.Execute(connection, transaction, $"PRAGMA user_version = {step.Version}");
        }

        Sql.Execute(connection, transaction, $"PRAGMA application_id = {Migrations.ApplicationId}");
        transaction.Commit();
        return found;
    }

    private static int Check(SqliteConnection connection, SqliteTransaction? transaction, string path, IReadOnlyList<Migration> steps)
    {
        var applicationId = Sql.ScalarInt64(connection, transaction, "PRAGMA application_id");
        var version = Sql.ScalarInt64(connection, transaction, "PRAGMA user_version");
        var latest = steps[^1].Version;

        if (applicationId != 0 && applicationId != Migrations.ApplicationId)
        {
            throw Foreign(path);
        }

        if (applicationId == 0)
        {
            // A fresh file has no tables. An SQLite file with tables but no Parley mark is someone else's data.
            var tables = Sql.ScalarInt64(connection, transaction, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
            if (tables > 0 || version != 0)
            {
                throw Foreign(path);
            }
        }

        if (version > latest)
        {
            throw new RunDatabaseException(path, RunDatabaseProblem.NewerSchema,
                $"The run database '{path}' has schema version {version}, written by a newer Parley; this Parley reads versions up to {latest}. " +
                "It was left unchanged: upgrade Parley, or use another database path.");
        }

        return checked((int)version);
    }

    private static RunDatabaseException Foreign(string path) =>
        new(path, RunDatabaseProblem.ForeignDatabase,
            $"'{path}' is an SQLite database but not a Parley run database; it was left unchanged. Choose another path.");
}
