using Microsoft.Data.Sqlite;

namespace Parley.Storage.Tests.Support;

/// <summary>Direct SQLite access for building and inspecting database files behind the store's back.</summary>
internal static class RawSqlite
{
    public static void Execute(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Connect(string path)
    {
        // No pooling: the test must be free to overwrite or delete the file right after.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
