using System.Globalization;
using Parley.Core.Scenarios;
using Parley.Formats.Readers;

namespace Parley.Formats.Tests;

public class CsvScenarioReaderTest
{
    [Fact]
    public void LoadFile_EmissionCsv_InfersScaleFromModePositions()
    {
        // Given the published inputs without a scale
        var s = ScenarioLoader.LoadFile(Paths.EmissionCsv);

        // Then one issue named 'issue' whose inferred scale spans the positions (4..10, exact), not declared
        var issue = Assert.Single(s.Issues);
        Assert.Equal((CsvScenarioReader.DefaultIssueId, 4.0, 10.0, false), (issue.Id, issue.ScaleLow, issue.ScaleHigh, issue.ScaleDeclared));
        Assert.Equal("emission-standards", s.Id);
        Assert.Equal(10, s.Actors.Count);

        // And each row's numbers, read independently from the file, are point estimates (tolerance 0)
        foreach (var line in File.ReadAllLines(Paths.EmissionCsv).Skip(1).Where(l => l.Length > 0))
        {
            var c = line.Split(',');
            var v = s.FindValue(c[0], "issue")!;
            Assert.Equal(Estimate.Exactly(double.Parse(c[1], CultureInfo.InvariantCulture)), v.Position);
            Assert.Equal(Estimate.Exactly(double.Parse(c[2], CultureInfo.InvariantCulture)), v.Salience);
            Assert.Equal(Estimate.Exactly(double.Parse(c[3], CultureInfo.InvariantCulture)), v.Capability);
        }
    }

    [Fact]
    public void LoadFile_WidenedCsvWithScaleOption_UsesGivenScaleAndRanges()
    {
        var s = ScenarioLoader.LoadFile(Paths.EmissionWidenedCsv, new ScenarioLoadOptions { Scale = (0, 12) });

        var issue = Assert.Single(s.Issues);
        Assert.Equal((0.0, 12.0, true), (issue.ScaleLow, issue.ScaleHigh, issue.ScaleDeclared));
        var nl = s.FindValue("Netherlands", "issue")!;
        Assert.Equal(new Estimate(4, 4, 5), nl.Position);
        Assert.Equal(new Estimate(65, 80, 95), nl.Salience);
        Assert.Equal(new Estimate(0.06, 0.08, 0.1), nl.Capability);
    }

    [Fact]
    public void LoadText_IssueColumn_MakesOneIssuePerId()
    {
        var s = ScenarioLoader.LoadText("actor,issue,position,salience,capability\na,x,1,50,1\nb,x,3,50,1\na,y,0,10,2\nb,y,8,20,1\n", "two.csv");
        Assert.Equal(["x", "y"], s.Issues.Select(i => i.Id));
        Assert.Equal((0.0, 8.0), (s.Issues[1].ScaleLow, s.Issues[1].ScaleHigh));
    }

    [Fact]
    public void LoadText_QuotedFieldsAndCrLf_AreRead()
    {
        var s = ScenarioLoader.LoadText("actor,position,salience,capability\r\n\"North, Inc.\",1,50,1\r\n\"South \"\"B\"\"\",3,50,1\r\n", "q.csv");
        Assert.Equal(["North, Inc.", "South \"B\""], s.Actors.Select(a => a.Id));
    }

    [Fact]
    public void LoadText_BadCells_ReportLineColumnAndColumnName()
    {
        // Given a bad number, a missing value, a short row and a salience out of range
        var text = "actor,position,salience,capability\na,1,high,1\nb,2,,1\nc,3\nd,4,120,1\n";

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText(text, "bad.csv"));

        Assert.Collection(
            e.Problems.Select(p => p.ToString()),
            p => Assert.Equal("bad.csv:2:5: values[a/issue].salience: expected a number in column 'salience', got 'high'", p),
            p => Assert.Equal("bad.csv:3:5: values[b/issue].salience: missing value in column 'salience'", p),
            p => Assert.Equal("bad.csv:4:3: values[c/issue]: this row has 2 fields but the header has 4", p),
            p => Assert.Equal("bad.csv:4:3: values[c/issue].salience: missing value in column 'salience'", p),
            p => Assert.Equal("bad.csv:4:3: values[c/issue].capability: missing value in column 'capability'", p),
            p => Assert.Equal("bad.csv:5:5: values[d/issue].salience: salience 120 is outside the allowed range [0, 100]", p));
    }

    [Fact]
    public void LoadText_MissingAndUnknownColumns_AreReported()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText("actor,position,salence\na,1,2\n", "h.csv"));
        Assert.Collection(
            e.Problems.Select(p => p.ToString()),
            p => Assert.Equal("h.csv:1:1: missing columns 'salience', 'capability'; the header needs actor, position, salience, capability (issue and *_low / *_high are optional)", p),
            p => Assert.StartsWith("h.csv:1:16: unknown column 'salence' (did you mean 'salience'?)", p, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadText_LowBoundOutsideInferredScale_SuggestsScaleOption()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText("actor,position_low,position,salience,capability\na,0,1,50,1\nb,3,3,50,1\n", "s.csv"));
        Assert.Equal(
            "s.csv:2:3: values[a/issue].position.low: position low 0 is outside the issue's inferred scale [1, 3] (the range of the mode positions; give a scale, e.g. --scale LO,HI)",
            Assert.Single(e.Problems).ToString());
    }

    [Fact]
    public void LoadText_AllPositionsEqual_CannotInferScale()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText("actor,position,salience,capability\na,5,50,1\nb,5,50,1\n", "flat.csv"));
        Assert.Contains("no scale can be inferred; give one (--scale LO,HI)", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }
}
