namespace Parley.Storage.Tests.Support;

/// <summary>A fresh temporary folder holding a database path; deleted (with the -wal/-shm files) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "parley.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
