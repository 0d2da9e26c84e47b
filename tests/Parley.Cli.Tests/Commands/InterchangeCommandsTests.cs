using Parley.Core.Scenarios;
using Parley.Formats;
using Parley.Testing;

namespace Parley.Cli.Tests.Commands;

public sealed class InterchangeCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-interchange-").FullName;

    public static TheoryData<string, string> PublicInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in new[] { "SOE-Competitive.csv", "SOE-Pol-Comp.csv", "SOE-Policy.csv", "Tiny3.csv", "dummyData-a040.csv", "dummyData_3Dim.csv", "dummyData_3Dim.xml", "dummyData_6Dim.csv" })
        {
            data.Add(Path.Combine("data", "ktab", "inputs", f), "ktab");
        }

        foreach (var f in new[] { "CoP21.csv", "cop21.csv", "copenhagen.csv", "data_short.csv", "kopenhagen.csv", "sample_data.txt", "verkiezing_2012.csv" })
        {
            data.Add(Path.Combine("data", "exchange", "input", f), "decide");
        }

        return data;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(PublicInputs))]
    public void ImportExportImport_PublicInput_SameScenario(string relative, string native)
    {
        // Given a KTAB or Decide file, detected by content
        var source = SharedData.File(relative.Split(Path.DirectorySeparatorChar));
        var original = ScenarioLoader.LoadFile(source);

        // When it is imported to Parley YAML, exported back to its own format, and read again
        var yaml = Path.Combine(_dir, "imported.yaml");
        var back = Path.Combine(_dir, native == "ktab" ? "exported.csv" : "exported.txt");
        var import = CliRunner.Run("import", source, "-o", yaml);
        var export = CliRunner.Run("export", yaml, "--to", native, "-o", back);

        // Then every step succeeds and all three agree on every actor, issue and number
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.True(export.ExitCode == 0, export.Error);
        AssertSameNumbers(original, ScenarioLoader.LoadFile(yaml));
        AssertSameNumbers(original, ScenarioLoader.LoadFile(back));
    }

    [Fact]
    public void Validate_CopenhagenWithErrors_PreciseMessages()
    {
        var result = CliRunner.Run("validate", SharedData.File("data", "exchange", "input", "copenhagen_with_errors.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("copenhagen_with_errors.csv:86:1: values[Russia/Control].position: position 160 is outside", result.Error, StringComparison.Ordinal);
        Assert.Contains("copenhagen_with_errors.csv:87:1: values[China India/Control].power: power -0.247 is negative", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_UnknownTarget_ExitCode2()
    {
        var result = CliRunner.Run("export", "korea-2025", "--to", "excel");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--to 'excel'", result.Error, StringComparison.Ordinal);
    }

    private static void AssertSameNumbers(Scenario expected, Scenario actual)
    {
        Assert.Equal(expected.Actors.Select(a => a.Id), actual.Actors.Select(a => a.Id));
        Assert.Equal(expected.Issues.Select(i => i.Id), actual.Issues.Select(i => i.Id));
        Assert.Equal(expected.Values.Count, actual.Values.Count);
        foreach (var v in expected.Values)
        {
            var w = actual.FindValue(v.ActorId, v.IssueId);
            Assert.NotNull(w);
            Assert.Equal(v.Position.Mode, w.Position.Mode, 9);
            Assert.Equal(v.Salience.Mode, w.Salience.Mode, 9);
            Assert.Equal(v.Capability.Mode, w.Capability.Mode, 9);
        }
    }
}
