using Parley.Core.Scenarios;
using Parley.Formats.Decide;
using Parley.Testing;

namespace Parley.Formats.Tests.Decide;

public sealed class DecideReaderTests
{
    public static TheoryData<string> PublicInputs => new()
    {
        "sample_data.txt", "cop21.csv", "copenhagen.csv", "CoP21.csv", "data_short.csv", "kopenhagen.csv", "verkiezing_2012.csv",
    };

    private static string Input(string file) => SharedData.File("data", "exchange", "input", file);

    [Theory]
    [MemberData(nameof(PublicInputs))]
    public void CanRead_PublicInput_True(string file) =>
        Assert.True(DecideReader.CanRead(file, File.ReadAllText(Input(file))));

    [Fact]
    public void CanRead_OtherText_False() =>
        Assert.False(DecideReader.CanRead("x.csv", "actor,issue,position\nA,p,3\n"));

    [Fact]
    public void ReadScenario_SampleData_MapsScaleSalienceAndPower()
    {
        // Given sample_data (tab separated, ' quoted; tol-hoogte on [0.5, 7])
        var scenario = DecideReader.ReadScenarioFile(Input("sample_data.txt"));

        // Then ids, bounds and numbers map as documented (exact decimal values, tolerance 0)
        Assert.Equal(10, scenario.Actors.Count);
        Assert.Equal(6, scenario.Issues.Count);
        var tol = scenario.FindIssue("tol-hoogte")!;
        Assert.Equal(0.5, tol.ScaleLow);
        Assert.Equal(7.0, tol.ScaleHigh);
        var v = scenario.FindValue("Willems", "tolheffing-binnenstad")!;
        Assert.Equal(100.0, v.Position.Mode);
        Assert.Equal(95.0, v.Salience.Mode);
        Assert.Equal(1.0, v.Capability.Mode);
    }

    [Fact]
    public void ReadScenario_CopenhagenWithErrors_ReportsEveryProblemPrecisely()
    {
        // Given the deliberately malformed Copenhagen file
        var path = Input("copenhagen_with_errors.csv");

        // When it is read
        var ex = Assert.Throws<ScenarioLoadException>(() => DecideReader.ReadScenarioFile(path));

        // Then both bad values are reported with file:line, field, value and what is allowed
        Assert.Equal(2, ex.Problems.Count);
        var position = ex.Problems[0];
        Assert.Equal("copenhagen_with_errors.csv", position.Location.File);
        Assert.Equal(86, position.Location.Line);
        Assert.Equal("values[Russia/Control].position", position.FieldPath);
        Assert.Contains("160", position.Message, StringComparison.Ordinal);
        Assert.Contains("[0, 100]", position.Message, StringComparison.Ordinal);
        var power = ex.Problems[1];
        Assert.Equal(87, power.Location.Line);
        Assert.Equal("values[China India/Control].power", power.FieldPath);
        Assert.Contains("-0.247", power.Message, StringComparison.Ordinal);
        Assert.Contains("≥ 0", power.Message, StringComparison.Ordinal);
        Assert.StartsWith("copenhagen_with_errors.csv:86:1: values[Russia/Control].position", ex.Problems[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#A;a;A\n#P;p;P\n#X;oops\n#D;a;p;50;0.5;1\n", 3, "tag", "not a Decide record tag")]
    [InlineData("#A;a;A\n#P;p;P\n#D;b;p;50;0.5;1\n", 3, "values[b/p].actor", "actor 'b' is not defined")]
    [InlineData("#A;a;A\n#P;p;P\n#D;a;q;50;0.5;1\n", 3, "values[a/q].issue", "issue 'q' is not defined")]
    [InlineData("#A;a;A\n#P;p;P\n#D;a;p;abc;0.5;1\n", 3, "values[a/p].position", "'abc' is not a number")]
    [InlineData("#A;a;A\n#P;p;P\n#D;a;p;50;1.5;1\n", 3, "values[a/p].salience", "outside [0, 1]")]
    [InlineData("#A;a;A\n#P;p;P\n#D;a;p;50\n", 3, "#D", "needs 6")]
    [InlineData("#A;a;A\n#A;a;A\n#P;p;P\n#D;a;p;50;0.5;1\n", 2, "actors[a]", "defined twice")]
    public void ReadScenario_Malformed_Problem(string text, int line, string field, string message)
    {
        var ex = Assert.Throws<ScenarioLoadException>(() => DecideReader.ReadScenario(text, "t.csv"));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(line, problem.Location.Line);
        Assert.Equal(field, problem.FieldPath);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PublicInputs))]
    public void Write_ThenRead_SameScenario(string file)
    {
        // Given an imported public input
        var first = DecideReader.ReadScenarioFile(Input(file));

        // When it is exported and imported again
        var second = DecideReader.ReadScenario(DecideWriter.Write(first), file);

        // Then the scenario is the same (exact equality of every number)
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Metadata.Title, second.Metadata.Title);
        Assert.Equal(first.Actors, second.Actors);
        Assert.Equal(first.Issues.Count, second.Issues.Count);
        for (var k = 0; k < first.Issues.Count; k++)
        {
            var (a, b) = (first.Issues[k], second.Issues[k]);
            Assert.Equal((a.Id, a.Name, a.Description, a.ScaleLow, a.ScaleHigh, a.ScaleDeclared), (b.Id, b.Name, b.Description, b.ScaleLow, b.ScaleHigh, b.ScaleDeclared));
            Assert.Equal(a.Anchors, b.Anchors);
        }

        Assert.Equal(first.Values.Count, second.Values.Count);
        for (var k = 0; k < first.Values.Count; k++)
        {
            var (a, b) = (first.Values[k], second.Values[k]);
            Assert.Equal((a.ActorId, a.IssueId, a.Position, a.Salience, a.Capability, a.Evidence.Note), (b.ActorId, b.IssueId, b.Position, b.Salience, b.Capability, b.Evidence.Note));
        }
    }

    [Theory]
    [InlineData("'#A'\t'x y'\t'X'\t''", '\t')]
    [InlineData("#A;x y;X;;", ';')]
    [InlineData("#A,x y,X", ',')]
    public void DetectDelimiter_Line_Found(string line, char expected) =>
        Assert.Equal(expected, DecideReader.DetectDelimiter(line + "\n"));

    [Fact]
    public void ReadExchangeInput_SampleData_KeepsExactDecimals()
    {
        var input = DecideReader.ReadExchangeInputFile(Input("sample_data.txt"));
        var v = input.Values.First(x => x.ActorId == "Willems" && x.IssueId == "tol-hoogte");
        Assert.Equal(3.0m, v.Position);
        Assert.Equal(0.7m, v.Salience);
        Assert.Equal(0.5m, input.Issues.First(i => i.Id == "tol-hoogte").Lower);
    }
}
