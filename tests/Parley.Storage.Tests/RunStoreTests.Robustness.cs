using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public sealed partial class RunStoreTests
{
    [Fact]
    public void Open_TextFileAtPath_ThrowsNotADatabaseNamingPath()
    {
        using var db = new TempDatabase();
        File.WriteAllText(db.Path, "id: not-a-database\nthis is a scenario file saved under the wrong name\n");

        var ex = Assert.Throws<RunDatabaseException>(() => RunStore.Open(db.Path));

        Assert.Equal(RunDatabaseProblem.NotADatabase, ex.Problem);
        Assert.Equal(db.Path, ex.DatabasePath);
        Assert.Contains(db.Path, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("id: not-a-database", File.ReadAllText(db.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DamagedSqliteFile_ThrowsClearErrorNamingPath()
    {
        // Given a real run database whose pages after the header were overwritten
        using var db = new TempDatabase();
        using (var store = RunStore.Open(db.Path))
        {
            var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
            store.SaveRun(Samples.CompletedRun("r1", hash));
        }

        RawSqlite.Execute(db.Path, "PRAGMA wal_checkpoint(TRUNCATE)");
        var bytes = File.ReadAllBytes(db.Path);
        new Random(7).NextBytes(bytes.AsSpan(100));
        File.WriteAllBytes(db.Path, bytes);

        // When it is opened and read
        var ex = Assert.Throws<RunDatabaseException>(() =>
        {
            using var store = RunStore.Open(db.Path);
            store.GetRun("r1");
        });

        // Then the error is about the file, by name
        Assert.Contains(ex.Problem, new[] { RunDatabaseProblem.Corrupt, RunDatabaseProblem.NotADatabase });
        Assert.Contains(db.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OtherApplicationsSqliteFile_ThrowsForeignAndLeavesItUnchanged()
    {
        using var db = new TempDatabase();
        RawSqlite.Execute(db.Path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
        var before = File.ReadAllBytes(db.Path);

        var ex = Assert.Throws<RunDatabaseException>(() => RunStore.Open(db.Path));

        Assert.Equal(RunDatabaseProblem.ForeignDatabase, ex.Problem);
        Assert.Contains(db.Path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(db.Path));
    }

    [Fact]
    public void Open_PathIsFolder_ThrowsInaccessible()
    {
        using var db = new TempDatabase();

        var ex = Assert.Throws<RunDatabaseException>(() => RunStore.Open(db.Folder));

        Assert.Equal(RunDatabaseProblem.Inaccessible, ex.Problem);
        Assert.Contains("is a folder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ParentIsAFile_ThrowsInaccessibleNamingPath()
    {
        using var db = new TempDatabase();
        var file = Path.Combine(db.Folder, "plain.txt");
        File.WriteAllText(file, "x");
        var path = Path.Combine(file, "parley.db");

        var ex = Assert.Throws<RunDatabaseException>(() => RunStore.Open(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ReadOnlyFileSystem_ThrowsClearErrorNamingPath()
    {
        // /proc refuses new folders even to root, so this holds on any Linux (xunit 2 has no dynamic skip).
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const string path = "/proc/parley-tests/parley.db";

        var ex = Assert.Throws<RunDatabaseException>(() => RunStore.Open(path));

        Assert.Contains(ex.Problem, new[] { RunDatabaseProblem.ReadOnly, RunDatabaseProblem.Inaccessible });
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ReadOnlyFolder_ThrowsReadOnlyNamingPath()
    {
        // Given an existing database in a folder without write permission
        // (root ignores permissions, so there is nothing to check when running as root, e.g. in CI containers)
        // (xunit 2 has no dynamic skip, so the test returns early there.)
        if (Environment.IsPrivilegedProcess || OperatingSystem.IsWindows())
        {
            return;
        }

        using var db = new TempDatabase();
        using (var store = RunStore.Open(db.Path))
        {
            store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        }

        File.SetUnixFileMode(db.Path, UnixFileMode.UserRead);
        File.SetUnixFileMode(db.Folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var ex = Assert.Throws<RunDatabaseException>(() => RunStore.Open(db.Path));

            Assert.Equal(RunDatabaseProblem.ReadOnly, ex.Problem);
            Assert.Contains(db.Path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(db.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void SaveRun_BadInputs_NeverTouchStoredRuns()
    {
        // Given one stored run
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var saved = Samples.CompletedRun("keep", hash);
        store.SaveRun(saved);

        // When bad runs are offered
        Assert.Throws<RunConflictException>(() => store.SaveRun(saved with { ResultsJson = "{\"other\":1}" }));
        Assert.Throws<RunNotFoundException>(() => store.SaveRun(saved with { Id = "x", ScenarioHash = new string('a', 64) }));
        Assert.Throws<ArgumentException>(() => store.SaveRun(saved with { Id = "y", ResultsJson = "{\"cut off\": " }));
        Assert.Throws<ArgumentException>(() => store.SaveRun(saved with { Id = "z", ParametersJson = "[1,2]" }));
        Assert.Throws<ArgumentException>(() => store.SaveRun(saved with { Id = "BAD ID" }));
        Assert.Throws<ArgumentException>(() => store.SaveRun(saved with { Id = "w", Status = RunStatus.Running }));
        Assert.Throws<ArgumentException>(() => store.SaveRun(saved with { Id = "v", EndedAt = saved.StartedAt.AddTicks(-1) }));
        Assert.ThrowsAny<ArgumentException>(() => store.SaveRun(saved with { Id = "u", Draws = 0 }));

        // Then the stored run is exactly as saved, and nothing else was stored
        Assert.Equal(saved, store.GetRun("keep"));
        Assert.Equal(1, store.CountRuns());
    }

    [Fact]
    public void CompleteRun_InvalidResults_LeavesRunRunningAndCompletable()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var run = store.BeginRun(Samples.NewRun(hash));

        Assert.Throws<ArgumentException>(() => store.CompleteRun(run.Id, "Forecast table\n| a | b |"));
        Assert.Equal(RunStatus.Running, store.GetRun(run.Id).Status);

        store.CompleteRun(run.Id, Samples.Results(1));
        Assert.Equal(Samples.Results(1), store.GetRun(run.Id).ResultsJson);
    }

    [Fact]
    public void CompleteRun_FinishedRun_ThrowsConflictAndKeepsFirstResults()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var run = store.BeginRun(Samples.NewRun(hash));
        store.CompleteRun(run.Id, Samples.Results(1));

        Assert.Throws<RunConflictException>(() => store.CompleteRun(run.Id, Samples.Results(2)));
        Assert.Throws<RunConflictException>(() => store.FailRun(run.Id, "late failure"));

        Assert.Equal(Samples.Results(1), store.GetRun(run.Id).ResultsJson);
    }

    [Fact]
    public void CompleteRun_UnknownId_ThrowsNotFound()
    {
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);

        Assert.Throws<RunNotFoundException>(() => store.CompleteRun("nope", "{}"));
    }

    [Fact]
    public void CompleteRun_EndBeforeStart_Throws()
    {
        using var db = new TempDatabase();
        var clock = new ManualTimeProvider(Samples.T0);
        using var store = RunStore.Open(db.Path, clock);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var run = store.BeginRun(Samples.NewRun(hash));

        Assert.Throws<ArgumentOutOfRangeException>(() => store.CompleteRun(run.Id, "{}", Samples.T0.AddSeconds(-1)));
        Assert.Equal(RunStatus.Running, store.GetRun(run.Id).Status);
    }

    [Fact]
    public void AnyOperation_AfterDispose_ThrowsObjectDisposed()
    {
        using var db = new TempDatabase();
        var store = RunStore.Open(db.Path);
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.ListRuns());
    }

    [Fact]
    public void DefaultPath_Always_IsParleyDbInLocalApplicationData()
    {
        var expected = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "parley",
            "parley.db");

        Assert.Equal(expected, RunStore.DefaultPath);
    }
}
