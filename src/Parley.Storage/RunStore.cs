using Microsoft.Data.Sqlite;
using Parley.Storage.Schema;
using Parley.Storage.Sqlite;

namespace Parley.Storage;

/// <summary>
/// Parley's store of past runs: scenario versions (deduplicated by content hash) and runs (parameters, seed,
/// timing, status and the exact results text printed), in one SQLite file.
/// </summary>
/// <remarks>
/// <para>
/// Thread safety: all members are safe to call from many threads (and many processes) at once. The store holds no
/// open connection; each operation takes its own from the connection pool, writes run in an immediate
/// transaction, and the file is in WAL mode so readers never wait for writers. Writers queue on SQLite's lock
/// for up to <see cref="BusyTimeout"/>.
/// </para>
/// <para>
/// Stored rows are never changed except once: a <see cref="RunStatus.Running"/> run becomes succeeded or failed.
/// Every write is one transaction, so an invalid call (bad JSON, unknown scenario, duplicate id) writes nothing
/// and never damages runs already stored.
/// </para>
/// <para>Dispose releases the pooled connections to the file; the store is unusable afterwards.</para>
/// </remarks>
public sealed partial class RunStore : IDisposable
{
    /// <summary>How long a write waits for another writer before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How many matching ids an <see cref="AmbiguousRunIdException"/> lists.</summary>
    public const int AmbiguousMatchesShown = 5;

    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private bool _disposed;

    private RunStore(string databasePath, string connectionString, TimeProvider time)
    {
        DatabasePath = databasePath;
        _connectionString = connectionString;
        _time = time;
    }

    /// <summary>The schema version this Parley writes; older files are migrated up to it on open.</summary>
    public static int SchemaVersion => Migrations.Latest;

    /// <summary>
    /// The default database file: <c>parley/parley.db</c> in the user's local data folder
    /// (<see cref="Environment.SpecialFolder.LocalApplicationData"/>: <c>~/.local/share</c> or <c>$XDG_DATA_HOME</c>
    /// on Linux, <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    /// <exception cref="RunDatabaseException">No user data folder is known (e.g. HOME is unset).</exception>
    public static string DefaultPath
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
            {
                throw new RunDatabaseException(string.Empty, RunDatabaseProblem.Inaccessible,
                    "No user data folder is known (is HOME set?), so the run database has no default place; give its path explicitly.");
            }

            return Path.Combine(root, "parley", "parley.db");
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Opens the run database at <paramref name="path"/> (default <see cref="DefaultPath"/>), creating the file and its
    /// folder if missing and migrating an older schema. The file is put in WAL mode with foreign keys enforced.
    /// </summary>
    /// <param name="path">The database file, or null for <see cref="DefaultPath"/>.</param>
    /// <param name="timeProvider">Source of start, end and first-seen times; default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="RunDatabaseException">
    /// The file is not an SQLite database, is corrupt, belongs to another application, was written by a newer
    /// Parley (left unchanged), or the location cannot be created or written. The message names the path.
    /// </exception>
    public static RunStore Open(string? path = null, TimeProvider? timeProvider = null) =>
        Open(path, timeProvider, Migrations.All);

    internal static RunStore Open(string? path, TimeProvider? timeProvider, IReadOnlyList<Migration> steps)
    {
        var fullPath = Path.GetFullPath(path ?? DefaultPath);
        PrepareLocation(fullPath);

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();

        var store = new RunStore(fullPath, connectionString, timeProvider ?? TimeProvider.System);
        try
        {
            store.Use(connection =>
            {
                if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
                {
                    throw SqliteErrors.ReadOnlyLocation(fullPath);
                }

                SchemaMigrator.Migrate(connection, fullPath, steps, steps[^1].Version);

                // Persistent in the file: readers never block writers, and concurrent writers queue instead of failing.
                Sql.Execute(connection, null, "PRAGMA journal_mode = WAL");
                return 0;
            });
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    // Checks what can be checked before SQLite touches the file, so that a wrong path gets a message about the
    // path rather than an SQLite error code.
    private static void PrepareLocation(string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            throw new RunDatabaseException(fullPath, RunDatabaseProblem.Inaccessible,
                $"The run database path '{fullPath}' is a folder; give a file path (e.g. '{Path.Combine(fullPath, "parley.db")}').");
        }

        var folder = Path.GetDirectoryName(fullPath);
        try
        {
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            if (File.Exists(fullPath))
            {
                using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                Span<byte> header = stackalloc byte[16];
                var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);

                // An empty file is a valid, empty SQLite database; anything else must start with the magic header.
                if (read > 0 && !header[..read].SequenceEqual(SqliteHeader))
                {
                    throw SqliteErrors.NotADatabase(fullPath);
                }
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw SqliteErrors.ReadOnlyLocation(fullPath, ex);
        }
        catch (IOException ex)
        {
            throw new RunDatabaseException(fullPath, RunDatabaseProblem.Inaccessible,
                $"Cannot create or read the run database '{fullPath}': {ex.Message}", ex);
        }
    }

    private T Use<T>(Func<SqliteConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Sql.Execute(connection, null, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
            return work(connection);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Translate(DatabasePath, ex);
        }
    }
}
