using Parley.Core.Scenarios;
using Parley.Formats.Ktab;

namespace Parley.Formats.Tests.Ktab;

public sealed class KtabCsvReaderTest
{
    private const string Tiny =
        "Tiny3,Three actors one issue,3,1,\n" +
        "Actor,Description,Power,Issue Position,Issue Salience,\n" +
        "A,Actor A,100,10,80,\n" +
        "B,Actor B,60,60,50,\n" +
        "C,Actor C,30,90,60,\n";

    public static IEnumerable<object[]> Files => KtabFiles.CsvFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_KtabExample_ReadsDeclaredActorsAndDimensions(string file)
    {
        // Given a KTAB example file whose first row declares N and D
        var text = File.ReadAllText(KtabFiles.Input(file));
        var head = text.Split('\n')[0].Split(',');

        // When it is parsed
        var doc = KtabCsvReader.Parse(text, file);

        // Then it has N actors and D dimensions with a number for every cell
        Assert.Equal(int.Parse(head[2].Trim(), System.Globalization.CultureInfo.InvariantCulture), doc.Actors.Count);
        Assert.Equal(int.Parse(head[3].Trim(), System.Globalization.CultureInfo.InvariantCulture), doc.Dimensions.Count);
        Assert.All(doc.Actors, a => Assert.Equal(doc.Dimensions.Count, a.Positions.Count));
        var scenario = doc.ToScenario();
        Assert.Equal(doc.Actors.Count * doc.Dimensions.Count, scenario.Values.Count);
        Assert.All(scenario.Actors, a => Assert.Equal(a.Id.Trim(), a.Id));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CanRead_KtabExample_True(string file) =>
        Assert.True(KtabCsvReader.CanRead(file, File.ReadAllText(KtabFiles.Input(file))));

    [Theory]
    [InlineData("x.csv", "actor,issue,position,salience,capability\na,b,1,2,3\n")]
    [InlineData("x.csv", "")]
    [InlineData("x.xml", Tiny)]
    [InlineData("x.csv", "name,desc,three,1\nActor,Description\n")]
    public void CanRead_OtherText_False(string name, string text) => Assert.False(KtabCsvReader.CanRead(name, text));

    [Fact]
    public void CanRead_XmlExample_False() =>
        Assert.False(KtabCsvReader.CanRead("dummyData_3Dim.xml", File.ReadAllText(KtabFiles.Input("dummyData_3Dim.xml"))));

    [Fact]
    public void Parse_Tiny3_MapsNamesAndNumbers()
    {
        var scenario = KtabCsvReader.ReadScenario(Tiny, "tiny.csv");
        Assert.Equal("Tiny3", scenario.Id);
        Assert.Equal("Three actors one issue", scenario.Metadata.Title);
        Assert.Equal(["A", "B", "C"], scenario.Actors.Select(a => a.Id));
        var b = scenario.FindValue("B", "Issue Position")!;
        // Exact decimal inputs, compared exactly (tolerance 0).
        Assert.Equal(60, b.Position.Mode);
        Assert.Equal(50, b.Salience.Mode);
        Assert.Equal(60, b.Capability.Mode);
    }

    [Theory]
    [InlineData("B,Actor B,60,160,50,", "tiny.csv:4:14", "actors[1].position[Issue Position]", "160")]
    [InlineData("B,Actor B,-5,60,50,", "tiny.csv:4:11", "actors[1].capability", "-5")]
    [InlineData("B,Actor B,lots,60,50,", "tiny.csv:4:11", "actors[1].capability", "'lots' is not a number")]
    [InlineData("B,Actor B,60,60,150,", "tiny.csv:4:17", "actors[1].salience[Issue Position]", "150")]
    [InlineData("B,Actor B,60", "tiny.csv:4:1", "actors[1]", "needs 5")]
    [InlineData("ThisNameIsFarLongerThanKtabAllows,Actor B,60,60,50,", "tiny.csv:4:1", "actors[1].name", "at most 25")]
    [InlineData("A,Actor B,60,60,50,", "tiny.csv:4:1", "actors[1].name", "already names actor 0")]
    public void Parse_BadActorRow_ReportsLocationFieldAndValue(string row, string location, string field, string fragment)
    {
        // Given Tiny3 with row 4 (actor B) replaced
        var lines = Tiny.Split('\n');
        lines[3] = row;

        // When it is parsed
        var ex = Assert.Throws<ScenarioLoadException>(() => KtabCsvReader.Parse(string.Join('\n', lines), "tiny.csv"));

        // Then the one problem names file:line:column, the field and the bad value
        var p = Assert.Single(ex.Problems);
        Assert.Equal(location, p.Location.ToString());
        Assert.Equal(field, p.FieldPath);
        Assert.Contains(fragment, p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SaliencesOver100_Rejected()
    {
        // Given two dimensions where A's saliences sum to 80 + 30 = 110
        var text =
            "Two,desc,3,2,\n" +
            "Actor,Description,Power,P1,S1,P2,S2,\n" +
            "A,Actor A,100,10,80,20,30,\n" +
            "B,Actor B,60,60,50,20,30,\n" +
            "C,Actor C,30,90,60,20,30,\n";

        var ex = Assert.Throws<ScenarioLoadException>(() => KtabCsvReader.Parse(text, "two.csv"));

        var p = Assert.Single(ex.Problems);
        Assert.Equal(3, p.Location.Line);
        Assert.Contains("sum to 110", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tiny3,desc,two,1,", "tiny.csv:1:12", "header.N")]
    [InlineData("Tiny3,desc,2,1,", "tiny.csv:1:12", "header.N")]
    [InlineData("Tiny3,desc,3,0,", "tiny.csv:1:14", "header.D")]
    public void Parse_BadHeader_ReportsField(string first, string location, string field)
    {
        var lines = Tiny.Split('\n');
        lines[0] = first;
        var ex = Assert.Throws<ScenarioLoadException>(() => KtabCsvReader.Parse(string.Join('\n', lines), "tiny.csv"));
        var p = Assert.Single(ex.Problems);
        Assert.Equal(location, p.Location.ToString());
        Assert.Equal(field, p.FieldPath);
    }

    [Fact]
    public void Parse_MissingAndExtraRows_Reported()
    {
        var missing = Assert.Throws<ScenarioLoadException>(() => KtabCsvReader.Parse(Tiny.Replace("C,Actor C,30,90,60,\n", string.Empty, StringComparison.Ordinal), "t.csv"));
        Assert.Contains("found only 2", Assert.Single(missing.Problems).Message, StringComparison.Ordinal);
        var extra = Assert.Throws<ScenarioLoadException>(() => KtabCsvReader.Parse(Tiny + "D,Actor D,1,1,1,\n", "t.csv"));
        Assert.Equal(6, Assert.Single(extra.Problems).Location.Line);
    }
}
