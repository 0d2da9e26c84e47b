using Parley.Core.Scenarios;
using Parley.Formats.Ktab;

namespace Parley.Formats.Tests.Ktab;

public sealed class KtabCsvWriterTest
{
    public static IEnumerable<object[]> Files => KtabFiles.CsvFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Write_ImportedExample_RoundTripsToTheSameScenario(string file)
    {
        // Given a KTAB example imported as a scenario
        var first = KtabCsvReader.ReadScenario(File.ReadAllText(KtabFiles.Input(file)), file);

        // When it is exported and imported again
        var text = KtabCsvWriter.Write(first);
        Assert.True(KtabCsvReader.CanRead("out.csv", text));
        var second = KtabCsvReader.ReadScenario(text, "out.csv");

        // Then nothing changed (exact numbers)
        KtabFiles.AssertSameScenario(first, second);
    }

    [Fact]
    public void Write_XmlExample_RoundTripsThroughCsv()
    {
        var first = KtabXmlReader.Load(KtabFiles.Input("dummyData_3Dim.xml")).ToScenario();
        var second = KtabCsvReader.ReadScenario(KtabCsvWriter.Write(first), "out.csv");
        KtabFiles.AssertSameScenario(first, second);
    }

    [Fact]
    public void Write_NativeScaleAndAbstention_RescalesAndFillsIn()
    {
        // Given a scenario on a 0–10 scale where C abstains from issue y
        Issue Issue(string id) => new(id, id, null, 0, 10, true, [], null, null, Evidence.None);
        ActorIssueValue V(string a, string i, double p, double s) => new(a, i, Estimate.Exactly(p), Estimate.Exactly(s), Estimate.Exactly(5), Evidence.None);
        var scenario = new Scenario(
            "s", "s", ScenarioMetadata.Empty, [Issue("x"), Issue("y")],
            [new Actor("A", "A", null, Evidence.None), new Actor("B", "B", null, Evidence.None), new Actor("C", "C", "has, comma", Evidence.None)],
            [V("A", "x", 2, 40), V("A", "y", 4, 40), V("B", "x", 8, 30), V("B", "y", 6, 30), V("C", "x", 5, 50)]);

        // When it is exported and read back as SMP input
        var input = KtabCsvReader.ReadSmpInput(KtabCsvWriter.Write(scenario), "out.csv");

        // Then positions are on 0–100, C has salience 0 on y at the participants' mean, and the quoted description survives
        // (tolerance 1e-9 for the rescaling arithmetic).
        Assert.Equal(20, input.Position(0, 0), 1e-9);
        Assert.Equal(0, input.Salience(2, 1));
        Assert.Equal(50, input.Position(2, 1), 1e-9);
        Assert.Equal("has, comma", KtabCsvReader.ReadScenario(KtabCsvWriter.Write(scenario)).FindActor("C")!.Description);
    }
}
