namespace Parley.Storage;

/// <summary>
/// Base of every error the run store reports about the database or what it holds (not about programming
/// mistakes, which are <see cref="ArgumentException"/>s). Messages are written for the user: a CLI can print
/// <see cref="Exception.Message"/> alone.
/// </summary>
public abstract class RunStoreException : Exception
{
    protected RunStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>What is wrong with the database file or its location.</summary>
public enum RunDatabaseProblem
{
    /// <summary>The file is not an SQLite database at all.</summary>
    NotADatabase,

    /// <summary>An SQLite database, but damaged.</summary>
    Corrupt,

    /// <summary>A sound SQLite database that belongs to another application.</summary>
    ForeignDatabase,

    /// <summary>Made by a newer Parley whose schema this version does not know; left untouched.</summary>
    NewerSchema,

    /// <summary>The file or its folder cannot be written (permissions, read-only file system).</summary>
    ReadOnly,

    /// <summary>The path cannot be opened or created at all (bad folder, a folder where the file should be, ...).</summary>
    Inaccessible,

    /// <summary>The disk is full.</summary>
    DiskFull,

    /// <summary>Another SQLite error; see the inner exception.</summary>
    Other,
}

/// <summary>The database at <see cref="DatabasePath"/> cannot be opened or used. The message names the path.</summary>
public sealed class RunDatabaseException : RunStoreException
{
    public RunDatabaseException(string databasePath, RunDatabaseProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
        Problem = problem;
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>What kind of problem it is.</summary>
    public RunDatabaseProblem Problem { get; }
}

/// <summary>No stored run or scenario matches what was asked for.</summary>
public sealed class RunNotFoundException : RunStoreException
{
    public RunNotFoundException(string requested, string message)
        : base(message)
    {
        Requested = requested;
    }

    /// <summary>The id, prefix or hash as the caller gave it.</summary>
    public string Requested { get; }
}

/// <summary>A run id prefix matches more than one run.</summary>
public sealed class AmbiguousRunIdException : RunStoreException
{
    public AmbiguousRunIdException(string prefix, IReadOnlyList<string> matches, string message)
        : base(message)
    {
        Prefix = prefix;
        Matches = matches;
    }

    /// <summary>The prefix as given.</summary>
    public string Prefix { get; }

    /// <summary>Some of the matching run ids (at most <see cref="RunStore.AmbiguousMatchesShown"/>), in id order.</summary>
    public IReadOnlyList<string> Matches { get; }
}

/// <summary>
/// A write that would change what is already stored: a run id that exists, completing or failing a run that has
/// already finished. Nothing was written.
/// </summary>
public sealed class RunConflictException : RunStoreException
{
    public RunConflictException(string runId, string message)
        : base(message)
    {
        RunId = runId;
    }

    /// <summary>The run id concerned.</summary>
    public string RunId { get; }
}
