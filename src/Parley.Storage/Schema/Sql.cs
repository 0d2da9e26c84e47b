using Microsoft.Data.Sqlite;

namespace Parley.Storage.Schema;

/// <summary>Small helpers for commands bound to a transaction.</summary>
internal static class Sql
{
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    public static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string text)
    {
        using var command = Command(connection, transaction, text);
        command.ExecuteNonQuery();
    }

    public static long ScalarInt64(SqliteConnection connection, SqliteTransaction? transaction, string text)
    {
        using var command = Command(connection, transaction, text);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
