using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>Turns SQLite's result codes into <see cref="RunDatabaseException"/>s whose messages name the file.</summary>
internal static class SqliteErrors
{
    // Primary result codes (https://sqlite.org/rescode.html); the extended code's low byte is the primary code.
    private const int Perm = 3;
    private const int ReadOnly = 8;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADb = 26;
    private const int IoErr = 10;
    private const int Auth = 23;

    public static RunDatabaseException Translate(string path, SqliteException ex) => (ex.SqliteErrorCode & 0xFF) switch
    {
        NotADb => NotADatabase(path, ex),
        Corrupt => new RunDatabaseException(path, RunDatabaseProblem.Corrupt,
            $"The run database '{path}' is corrupt ({ex.Message.TrimEnd('.')}). Move it aside to start a new one, or restore a backup.", ex),
        ReadOnly or Perm or Auth => ReadOnlyLocation(path, ex),
        CantOpen or IoErr => new RunDatabaseException(path, RunDatabaseProblem.Inaccessible,
            $"Cannot open the run database '{path}' ({ex.Message.TrimEnd('.')}). Check that the folder exists and can be written, or choose another path.", ex),
        Full => new RunDatabaseException(path, RunDatabaseProblem.DiskFull,
            $"The disk holding the run database '{path}' is full; nothing was saved.", ex),
        _ => new RunDatabaseException(path, RunDatabaseProblem.Other,
            $"The run database '{path}' reported an error: {ex.Message}", ex),
    };

    public static RunDatabaseException NotADatabase(string path, Exception? inner = null) =>
        new(path, RunDatabaseProblem.NotADatabase,
            $"'{path}' is not a Parley run database (it is not an SQLite file, or it is damaged). Move it aside or choose another path.", inner);

    public static RunDatabaseException ReadOnlyLocation(string path, Exception? inner = null) =>
        new(path, RunDatabaseProblem.ReadOnly,
            $"The run database '{path}' cannot be written: the file or its folder is read-only (the database also needs to create '{Path.GetFileName(path)}-wal' and '-shm' beside it). Choose a writable path.", inner);
}
