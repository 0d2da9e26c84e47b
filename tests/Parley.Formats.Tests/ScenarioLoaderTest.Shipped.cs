using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Core.Scenarios;
using Parley.Core.Scenarios.Validation;

namespace Parley.Formats.Tests;

public partial class ScenarioLoaderTest
{
    [Fact]
    public void LoadFile_KoreaJsonAndYaml_AreEqualInEveryValue()
    {
        // Given the shared JSON and the shipped YAML converted from it
        // When both are loaded
        var json = ScenarioLoader.LoadFile(Paths.KoreaJson);
        var yaml = ScenarioLoader.LoadFile(Paths.KoreaYaml);

        // Then every id, text, quote, number (exactly), delta and check agrees
        ScenarioAssert.Equal(json, yaml);
    }

    [Fact]
    public void LoadFile_KoreaYaml_MatchesRawJsonNumbersQuotesAndChecks()
    {
        // Given the JSON read independently of the loader (System.Text.Json DOM)
        var raw = JsonNode.Parse(File.ReadAllText(Paths.KoreaJson))!.AsObject();

        // When the YAML is loaded
        var s = ScenarioLoader.LoadFile(Paths.KoreaYaml);

        // Then each value's low/mode/high (tolerance 0), quote and note matches the file
        var values = raw["values"]!.AsArray();
        Assert.Equal(values.Count, s.Values.Count);
        for (var k = 0; k < values.Count; k++)
        {
            var v = values[k]!;
            var loaded = s.FindValue((string)v["actor"]!, (string)v["issue"]!);
            Assert.NotNull(loaded);
            foreach (var field in Enum.GetValues<ValueField>())
            {
                var est = v[field.ToString().ToLowerInvariant()]!;
                Assert.Equal(new Estimate((double)est["low"]!, (double)est["mode"]!, (double)est["high"]!), loaded.Get(field));
            }

            Assert.Equal(v["evidence"]!["quotes"]!.AsArray().Select(q => (string)q!), loaded.Evidence.Quotes);
            Assert.Equal((string?)v["evidence"]!["note"], loaded.Evidence.Note);
        }

        // And the status quo of every issue, null included
        var issues = raw["issues"]!.AsArray();
        for (var k = 0; k < issues.Count; k++)
        {
            var sq = issues[k]!["statusQuo"];
            var expected = sq is null ? (Estimate?)null : new Estimate((double)sq["low"]!, (double)sq["mode"]!, (double)sq["high"]!);
            Assert.Equal(expected, s.Issues[k].StatusQuo);
            Assert.Equal(issues[k]!["anchors"]!.AsObject().Count, s.Issues[k].Anchors.Count);
        }

        // And every prediction's check, node for node
        var predictions = raw["predictions"]!.AsArray();
        Assert.Equal(predictions.Count, s.Predictions.Count);
        for (var k = 0; k < predictions.Count; k++)
        {
            var expected = predictions[k]!["check"]!.ToJsonString();
            Assert.Equal(Canonical(expected), Canonical(s.Predictions[k].Check!.ToJsonString()));
        }

        // And the variants' and recommendations' delta counts
        Assert.Equal(raw["variants"]!.AsArray().Select(v => v!["deltas"]!.AsArray().Count), s.Variants.Select(v => v.Deltas.Count));
        Assert.Equal(raw["recommendations"]!.AsArray().Select(r => r!["moves"]!.AsArray().Count), s.Recommendations.Select(r => r.Moves.Count));
        Assert.Equal((string)raw["source"]!["quoteConvention"]!, s.Metadata.QuoteConvention);
        Assert.Equal(raw["conventions"]!.AsObject().Count, s.Metadata.Conventions.Count);
    }

    [Fact]
    public void LoadFile_EmissionYaml_ModesFromPublishedCsvAndRangesFromWidenedCsv()
    {
        // Given the two shared CSVs read as plain text
        var modes = ReadCsv(Paths.EmissionCsv);
        var widened = ReadCsv(Paths.EmissionWidenedCsv);

        // When the shipped YAML is loaded
        var s = ScenarioLoader.LoadFile(Paths.EmissionYaml);

        // Then each actor's mode equals the published number and low/high the widened ones (tolerance 0)
        var issue = Assert.Single(s.Issues);
        Assert.Equal((4.0, 10.0, true), (issue.ScaleLow, issue.ScaleHigh, issue.ScaleDeclared));
        Assert.Equal(modes.Count, s.Actors.Count);
        foreach (var (name, row) in modes)
        {
            var actor = Assert.Single(s.Actors, a => a.Name == name);
            var v = s.FindValue(actor.Id, issue.Id)!;
            foreach (var field in new[] { "position", "salience", "capability" })
            {
                var e = v.Get(Enum.Parse<ValueField>(field, ignoreCase: true));
                Assert.Equal(row[field], e.Mode);
                Assert.Equal(widened[name][field + "_low"], e.Low);
                Assert.Equal(widened[name][field + "_high"], e.High);
            }
        }
    }

    [Fact]
    public void LoadFile_EmissionYamlAndWidenedCsv_AgreeOnEveryValue()
    {
        // Given the shipped YAML and the widened CSV loaded on the same scale
        var yaml = ScenarioLoader.LoadFile(Paths.EmissionYaml);
        var csv = ScenarioLoader.LoadFile(Paths.EmissionWidenedCsv, new ScenarioLoadOptions { Scale = (4, 10) });

        // Then the actors (matched by name) carry equal estimates
        foreach (var v in csv.Values)
        {
            var actor = yaml.Actors.Single(a => a.Name == v.ActorId);
            var y = yaml.FindValue(actor.Id, "emission-standards")!;
            Assert.Equal((v.Position, v.Salience, v.Capability), (y.Position, y.Salience, y.Capability));
        }
    }

    [Fact]
    public void Validate_KoreaAndEmission_HaveNoProblems()
    {
        Assert.Empty(ScenarioValidator.Validate(ScenarioLoader.LoadFile(Paths.KoreaYaml)));
        Assert.Empty(ScenarioValidator.Validate(ScenarioLoader.LoadFile(Paths.EmissionYaml)));
    }

    private static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    private static Dictionary<string, Dictionary<string, double>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        var result = new Dictionary<string, Dictionary<string, double>>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            result[cells[0]] = header.Skip(1).Select((h, i) => (h, v: double.Parse(cells[i + 1], CultureInfo.InvariantCulture))).ToDictionary(x => x.h, x => x.v);
        }

        return result;
    }
}
