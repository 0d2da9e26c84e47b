using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public sealed partial class RunStoreTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Property(MaxTest = 60)]
    public void CompleteRun_AnyPrintedText_ReadsBackSameUtf8Bytes(NonNull<string> note, NonNull<string> command, bool trailingNewline)
    {
        // Given results holding arbitrary text (non-ASCII kept unescaped) and an arbitrary command line
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var results = "{\"note\": " + JsonSerializer.Serialize(note.Get, Relaxed) + "}" + (trailingNewline ? "\n" : string.Empty);
        var run = store.BeginRun(Samples.NewRun(hash) with { Command = command.Get });

        // When completed and read back
        store.CompleteRun(run.Id, results);
        var stored = store.GetRun(run.Id);

        // Then the text is identical, byte for byte
        Assert.True(Parley.Storage.Rerun.ResultsComparison.Compare(results, stored.ResultsJson!).Identical);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(command.Get), System.Text.Encoding.UTF8.GetBytes(stored.Command));
    }

    [Fact]
    public void SaveRun_LoneSurrogateInText_StoredAsItsUtf8Bytes()
    {
        // A lone UTF-16 surrogate cannot be printed as UTF-8; what the CLI would print is U+FFFD, and so is what is stored.
        using var db = new TempDatabase();
        using var store = RunStore.Open(db.Path);
        var hash = store.SaveScenario(Samples.ScenarioText(), "yaml", "eu-emissions", "EU");
        var run = Samples.CompletedRun("s1", hash) with { Command = "parley \uD800 x" };

        store.SaveRun(run);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(run.Command), System.Text.Encoding.UTF8.GetBytes(store.GetRun("s1").Command));
    }
}
