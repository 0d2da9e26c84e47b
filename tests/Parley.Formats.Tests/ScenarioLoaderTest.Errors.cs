using System.Text;
using Parley.Core.Scenarios;

namespace Parley.Formats.Tests;

public partial class ScenarioLoaderTest
{
    private const string Valid = """
        id: tiny
        issues:
          - id: tariffs
            scale: [0, 10]
        actors:
          - id: north
          - id: south
        values:
          - actor: north
            issue: tariffs
            position: 2
            salience: 50
            capability: 10
          - actor: south
            issue: tariffs
            position: {low: 6, mode: 8, high: 9}
            salience: 70
            capability: 20
        variants:
          - id: v
            deltas:
              - op: set
                actor: north
                issue: tariffs
                field: salience
                value: 60
        """;

    [Fact]
    public void LoadFile_TenMistakes_ReportsTenPreciseProblems()
    {
        // Given a fixture with exactly ten different mistakes
        var path = Paths.Fixture("ten-mistakes.yaml");

        // When it is loaded
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadFile(path));

        // Then each mistake is reported once, in file order, with line:column, field path and message
        string[] expected =
        [
            "6:5: issues[quotas]: no actor has a value on issue 'quotas'; give at least one actor a position, salience and capability on it, or remove the issue",
            "13:5: actors[south].descripton: unknown field 'descripton' (did you mean 'description'?); allowed here: id, name, description, evidence",
            "14:9: actors[north].id: duplicate actor id 'north' (already used by actor #1); ids must be unique",
            "19:15: values[north/tariffs].position: position 150 is outside the issue's scale [0, 100]",
            "20:15: values[north/tariffs].salience: salience 120 is outside the allowed range [0, 100]",
            "21:17: values[north/tariffs].capability: capability -5 is negative; it must be 0 or more",
            "24:21: values[south/tariffs].position.low: low 60 is greater than mode 50; need low ≤ mode ≤ high",
            "25:15: values[south/tariffs].salience: salience is NaN; it must be a finite number",
            "26:17: values[south/tariffs].capability: expected a number or {low, mode, high}, got 'high'",
            "28:12: values[south/tarifs].issue: unknown issue 'tarifs' (did you mean 'tariffs'?); known issues: tariffs, quotas",
        ];
        Assert.Equal(expected.Select(x => path + ":" + x), e.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void LoadText_ValidBase_Loads()
    {
        var s = ScenarioLoader.LoadText(Valid, "tiny.yaml");
        Assert.Equal(new Estimate(6, 8, 9), s.FindValue("south", "tariffs")!.Position);
        Assert.Equal(60, s.WithVariant("v").FindValue("north", "tariffs")!.Salience.Mode);
    }

    [Theory]
    [InlineData("position: 2\n", "position: .inf\n", "11:15", "values[north/tariffs].position", "position is infinity; it must be a finite number")]
    [InlineData("salience: 50\n", "salience: \"NaN\"\n", "12:15", "values[north/tariffs].salience", "'NaN' is not a finite number")]
    [InlineData("salience: 50\n", "salience: \"50\"\n", "12:15", "values[north/tariffs].salience", "got the text '50' (remove the quotes)")]
    [InlineData("position: {low: 6, mode: 8, high: 9}", "position: {low: 6, mode: 9.5, high: 9}", "16:41", "values[south/tariffs].position.high", "high 9 is less than mode 9.5")]
    [InlineData("position: {low: 6, mode: 8, high: 9}", "position: {low: 6, mode: 8, high: 11}", "16:39", "values[south/tariffs].position.high", "position high 11 is outside the issue's scale [0, 10]")]
    [InlineData("position: {low: 6, mode: 8, high: 9}", "position: {low: 6, mode: 8}", "16:15", "values[south/tariffs].position.high", "missing required field 'high'")]
    [InlineData("  - id: south\n", "  - id: north\n", "7:9", "actors[north].id", "duplicate actor id 'north'")]
    [InlineData("scale: [0, 10]", "scale: [10, 0]", "4:12", "issues[tariffs].scale", "[10, 0] is not a scale")]
    [InlineData("scale: [0, 10]", "scale: 10", "4:12", "issues[tariffs].scale", "expected [low, high] (two numbers), got the number 10")]
    [InlineData("capability: 20", "capability: 20\n    capabilty: 3", "19:5", "values[south/tariffs].capabilty", "unknown field 'capabilty' (did you mean 'capability'?)")]
    [InlineData("field: salience", "field: salinece", "25:16", "variants[v].deltas[0].field", "unknown field 'salinece' (did you mean 'salience'?); allowed: position, salience, capability")]
    [InlineData("op: set", "op: sett", "22:13", "variants[v].deltas[0].op", "unknown op 'sett' (did you mean 'set'?)")]
    [InlineData("        actor: north\n        issue", "        actor: nort\n        issue", "23:16", "variants[v].deltas[0].actor", "unknown actor 'nort' (did you mean 'north'?); known actors: north, south")]
    [InlineData("id: tiny\n", "", "1:1", "id", "missing required field 'id'")]
    [InlineData("values:", "valuez:", "8:1", "valuez", "unknown field 'valuez' (did you mean 'values'?)")]
    [InlineData("  - id: south\n", "  - id: south\n  - id: west\n", "", "", "")]
    public void LoadText_OneMistake_ReportsItPrecisely(string find, string replace, string at, string path, string message)
    {
        // Given the valid base with one edit
        Assert.Contains(find, Valid + "\n", StringComparison.Ordinal);
        var text = (Valid + "\n").Replace(find, replace, StringComparison.Ordinal);

        // When it is loaded
        if (at.Length == 0)
        {
            // (edits that keep the file valid)
            ScenarioLoader.LoadText(text, "tiny.yaml");
            return;
        }

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText(text, "tiny.yaml"));

        // Then a problem names the place, the field and the fault (consequences, such as values of a removed
        // actor becoming unknown, may add others)
        Assert.Contains(e.Problems, p => p.Location.ToString() == "tiny.yaml:" + at && p.FieldPath == path && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(e.Problems.Count, e.Problems.Distinct().Count());
    }

    [Fact]
    public void LoadText_YamlSyntaxError_ReportsParserPosition()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText("id: x\nissues: [a, b\nactors: []\n", "bad.yaml"));
        var p = Assert.Single(e.Problems);
        Assert.StartsWith("YAML syntax error", p.Message, StringComparison.Ordinal);

        // (YamlDotNet stops inside the unclosed flow list: the last good event is on line 2, the damage on line 3)
        Assert.InRange(p.Location.Line, 2, 3);
    }

    [Fact]
    public void LoadText_YamlBadIndentation_ReportsYamlDotNetPosition()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText("id: x\nissues:\n  - id: a\n   name: b\n", "indent.yaml"));
        var p = Assert.Single(e.Problems);
        Assert.StartsWith("YAML syntax error: ", p.Message, StringComparison.Ordinal);
        Assert.Equal(4, p.Location.Line);
    }

    [Fact]
    public void LoadText_JsonSyntaxError_ReportsLineAndColumn()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText("{\n  \"id\": \"x\",\n  \"issues\": [1 2]\n}", "bad.json"));
        var p = Assert.Single(e.Problems);
        Assert.StartsWith("JSON syntax error", p.Message, StringComparison.Ordinal);
        Assert.Equal((3, 16), (p.Location.Line, p.Location.Column));
    }

    [Fact]
    public void LoadText_JsonWithWrongTypes_ReportsLocationsFromByteOffsets()
    {
        var json = "{\n  \"id\": \"x\",\n  \"issues\": [{\"id\": \"i\"}],\n  \"actors\": [{\"id\": \"a\"}],\n  \"values\": [{\"actor\": \"a\", \"issue\": \"i\", \"position\": \"high\", \"salience\": 1, \"capability\": 1}]\n}";
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText(json, "w.json"));
        var p = Assert.Single(e.Problems);
        Assert.Equal("w.json:5:55", p.Location.ToString());
        Assert.Equal("values[a/i].position", p.FieldPath);
        Assert.Equal("expected a number or {low, mode, high}, got 'high'", p.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    public void LoadText_EmptyFile_SaysEmpty(string text)
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText(text, "empty.yaml"));
        Assert.Contains("the file is empty", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadBytes_NotUtf8_ReportsByteOffsetLineAndColumn()
    {
        // Given Latin-1 text: 'é' as the single byte 0xE9 on line 2
        var bytes = Encoding.Latin1.GetBytes("id: x\nname: Caf\u00e9\n");

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadBytes(bytes, "latin.yaml"));

        var p = Assert.Single(e.Problems);
        Assert.Equal("latin.yaml:2:10", p.Location.ToString());
        Assert.Contains("not valid UTF-8: byte 0xE9 at byte offset 15", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_OverSizeLimit_RefusesBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var f = File.Create(path))
            {
                f.SetLength((10L * 1024 * 1024) + 1);
            }

            var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadFile(path));
            Assert.Contains("at most 10,485,760 bytes", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_Missing_SaysSo()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadFile("/nonexistent/x.yaml"));
        Assert.Contains("no such file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_DuplicateValueAndIssueIds_ReportsBoth()
    {
        var text = Valid.Replace("variants:", "  - actor: north\n    issue: tariffs\n    position: 1\n    salience: 1\n    capability: 1\nvariants:", StringComparison.Ordinal)
            .Replace("    scale: [0, 10]\n", "    scale: [0, 10]\n  - id: tariffs\n", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText(text, "d.yaml"));
        Assert.Collection(
            e.Problems,
            p => Assert.Equal("d.yaml:5:9: issues[tariffs].id: duplicate issue id 'tariffs' (already used by issue #1); ids must be unique", p.ToString()),
            p => Assert.Equal("d.yaml:20:5: values[north/tariffs]: a second value for actor 'north' on issue 'tariffs' (the first is values #1); give each actor at most one value per issue", p.ToString()));
    }

    [Fact]
    public void LoadText_VariantGivesAbstainingActorOneField_ReportsMissingFields()
    {
        // Given an actor without a value on an issue (it abstains) and a variant that sets only its salience
        var text = Valid.Replace("  - id: south\n", "  - id: south\n  - id: west\n", StringComparison.Ordinal)
            .Replace("actor: north\n        issue: tariffs\n        field: salience", "actor: west\n        issue: tariffs\n        field: salience", StringComparison.Ordinal);

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText(text, "a.yaml"));

        Assert.Equal("variants[v].deltas[0]: actor 'west' abstains from issue 'tariffs', so giving it a value needs all three fields set; missing: position, capability", Assert.Single(e.Problems).ToString()[(e.Problems[0].Location.ToString().Length + 2)..]);
    }
}
