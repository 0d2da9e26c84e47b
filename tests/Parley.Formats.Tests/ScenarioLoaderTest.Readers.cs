using Parley.Core.Scenarios;
using Parley.Formats.Readers;

namespace Parley.Formats.Tests;

public partial class ScenarioLoaderTest
{
    [Theory]
    [InlineData("a.yaml", "id: x", typeof(YamlScenarioReader))]
    [InlineData("a.YML", "id: x", typeof(YamlScenarioReader))]
    [InlineData("a.json", "{}", typeof(JsonScenarioReader))]
    [InlineData("a.csv", "actor,position", typeof(CsvScenarioReader))]
    [InlineData("scenario.txt", "  {\"id\": 1}", typeof(JsonScenarioReader))]
    [InlineData("scenario.txt", "actor,position,salience,capability", typeof(CsvScenarioReader))]
    [InlineData("scenario", "id: x", typeof(YamlScenarioReader))]
    public void ReaderFor_ExtensionOrContent_PicksFormat(string fileName, string start, Type expected)
    {
        Assert.IsType(expected, ScenarioLoader.ReaderFor(fileName, System.Text.Encoding.UTF8.GetBytes(start)));
    }

    [Fact]
    public void LoadText_JsonWithoutExtension_IsDetectedByContent()
    {
        var s = ScenarioLoader.LoadText(File.ReadAllText(Paths.KoreaJson), "stdin");
        Assert.Equal("korea-2025", s.Id);
    }

    [Fact]
    public void LoadText_ExtraReader_IsAskedFirstAndItsScenarioValidated()
    {
        // Given a reader for a made-up format that yields a scenario with a salience out of range
        var options = new ScenarioLoadOptions { Readers = [new FakeReader()] };

        // When a file of that format is loaded
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText("anything", "x.fake", options));

        // Then the validator's problem is placed by the reader's source map
        Assert.Equal("x.fake:7:3: values[a/i].salience: salience 200 is outside the allowed range [0, 100]", Assert.Single(e.Problems).ToString());
    }

    private sealed class FakeReader : IScenarioReader
    {
        public string FormatName => "fake";

        public bool CanRead(string fileName, ReadOnlySpan<byte> firstBytes) => fileName.EndsWith(".fake", StringComparison.Ordinal);

        public ScenarioReadResult Read(ReadOnlyMemory<byte> content, string fileName, ScenarioLoadOptions options)
        {
            var map = new ScenarioSourceMap(fileName);
            map.Record("/values/0", 7, 1);
            map.Record("/values/0/salience", 7, 3);
            var scenario = new Scenario(
                "f",
                "f",
                ScenarioMetadata.Empty,
                [new Issue("i", "i", null, 0, 100, true, [], null, null, Evidence.None)],
                [new Actor("a", "a", null, Evidence.None)],
                [new ActorIssueValue("a", "i", Estimate.Exactly(1), Estimate.Exactly(200), Estimate.Exactly(1), Evidence.None)]);
            return new ScenarioReadResult(scenario, [], map);
        }
    }
}
