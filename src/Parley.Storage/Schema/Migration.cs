using Microsoft.Data.Sqlite;

namespace Parley.Storage.Schema;

/// <summary>
/// One step of the schema's history: run inside the migration transaction, it takes a database at
/// <c>Version - 1</c> to <paramref name="Version"/>. Steps are never edited once released; changes are new steps.
/// </summary>
/// <param name="Version">The schema version after this step (1, 2, ...; consecutive).</param>
/// <param name="Description">What the step does, for the docs and error messages.</param>
/// <param name="Apply">The step; throws to roll the whole migration back.</param>
internal sealed record Migration(int Version, string Description, Action<SqliteConnection, SqliteTransaction> Apply)
{
    public static Migration FromSql(int version, string description, string sql) =>
        new(version, description, (connection, transaction) => Sql.Execute(connection, transaction, sql));
}
