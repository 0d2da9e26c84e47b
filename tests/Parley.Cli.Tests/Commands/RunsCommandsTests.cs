using System.Text.Json;
using Parley.Testing;

namespace Parley.Cli.Tests.Commands;

public sealed class RunsCommandsTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"parley-runs-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }

    [Fact]
    public void Rerun_StoredForecasts_AreByteIdentical()
    {
        // Given a Korea forecast with a variant and a CSV forecast with a declared scale, both stored
        var korea = CliRunner.RunWithDatabase(_db, "forecast", "--variant", "allied-coordination", "--draws", "300", "--seed", "42", "--format", "json");
        var csv = CliRunner.RunWithDatabase(_db, "forecast", SharedData.File("data", "emission-standards-widened.csv"), "--scale", "4,10", "--model", "eum", "--draws", "300", "--format", "json");
        Assert.Equal(0, korea.ExitCode);
        Assert.Equal(0, csv.ExitCode);

        // When every stored run is listed and rerun
        var list = CliRunner.RunWithDatabase(_db, "runs", "list");
        var ids = list.Console.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries)).Where(c => c.Length > 2 && c[1].Length == 8 && c[1] != "Run").Select(c => c[1]).ToList();

        // Then both are listed and both reproduce byte for byte
        Assert.Equal(2, ids.Count);
        foreach (var id in ids)
        {
            var rerun = CliRunner.RunWithDatabase(_db, "runs", "rerun", id);
            Assert.True(rerun.ExitCode == 0, rerun.Error);
            Assert.Contains("identical", rerun.Console, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Export_StoredRun_HoldsScenarioTextAndResults()
    {
        CliRunner.RunWithDatabase(_db, "forecast", "emission-standards-1994", "--model", "compromise", "--draws", "100");
        var list = CliRunner.RunWithDatabase(_db, "runs", "list");
        var id = list.Console.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries)).First(c => c.Length > 2 && c[1].Length == 8 && c[1] != "Run")[1];

        var export = CliRunner.RunWithDatabase(_db, "runs", "export", id);

        Assert.Equal(0, export.ExitCode);
        using var doc = JsonDocument.Parse(export.Out);
        Assert.Contains("emission", doc.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(100, doc.RootElement.GetProperty("run").GetProperty("draws").GetInt32());
    }

    [Fact]
    public void Show_UnknownId_ExitCode2()
    {
        CliRunner.RunWithDatabase(_db, "forecast", "--draws", "0", "--model", "compromise");
        var result = CliRunner.RunWithDatabase(_db, "runs", "show", "zzzz");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("zzzz", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_NoStore_LeavesDatabaseAbsent()
    {
        var result = CliRunner.RunWithDatabase(_db, "forecast", "--no-store", "--draws", "0");
        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(_db));
    }
}
