using Parley.Core.Models.Smp;
using Parley.Core.Scenarios;
using Parley.Formats.Ktab;

namespace Parley.Formats.Tests.Ktab;

public sealed class KtabXmlReaderTest
{
    [Fact]
    public void Parse_DummyData3DimXml_SameNumbersAsItsCsv()
    {
        // Given the XML and CSV forms of the same KTAB example
        var xml = KtabXmlReader.Load(KtabFiles.Input("dummyData_3Dim.xml"));
        var csv = KtabCsvReader.Load(KtabFiles.Input("dummyData_3Dim.csv"));

        // Then actors, capabilities, positions and saliences agree exactly (tolerance 0: same decimals)
        Assert.Equal(csv.Actors.Select(a => a.Name.Trim()), xml.Actors.Select(a => a.Name));
        Assert.Equal(csv.Dimensions, xml.Dimensions);
        for (var i = 0; i < csv.Actors.Count; i++)
        {
            Assert.Equal(csv.Actors[i].Capability, xml.Actors[i].Capability);
            Assert.Equal(csv.Actors[i].Positions, xml.Actors[i].Positions);
            Assert.Equal(csv.Actors[i].Saliences, xml.Actors[i].Saliences);
        }

        Assert.Equal(3707583219545544125UL, xml.Options.Seed);
        Assert.Null(xml.Accommodation);
    }

    [Fact]
    public void Parse_SmpExampleWithEmptyCoordinate_ReportsItsLine()
    {
        // Given KTAB's own smpExample.xml, whose first <dCoord> is empty (KTAB rejects it)
        var path = KtabFiles.Input("smpExample.xml");
        var lines = File.ReadAllLines(path);
        var line = Array.FindIndex(lines, l => l.Contains("<dCoord></dCoord>", StringComparison.Ordinal)) + 1;

        // When it is parsed
        var ex = Assert.Throws<ScenarioLoadException>(() => KtabXmlReader.Load(path));

        // Then the single problem points at that element
        var p = Assert.Single(ex.Problems);
        Assert.Equal(line, p.Location.Line);
        Assert.Equal("actors[Alice].position[FirstDim]", p.FieldPath);
        Assert.Contains("empty", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SmpExampleFilledIn_ReadsParametersSeedAndAccommodation()
    {
        var text = File.ReadAllText(KtabFiles.Input("smpExample.xml")).Replace("<dCoord></dCoord>", "<dCoord>50</dCoord>", StringComparison.Ordinal);
        var doc = KtabXmlReader.Parse(text, "smpExample.xml");
        Assert.Equal(PceModel.MarkovIncentive, doc.Options.PceModel);
        Assert.Equal(StateTransitions.Stochastic, doc.Options.StateTransitions);
        Assert.Equal(SmpVotingRule.PropCbc, doc.Options.VotingRule);
        Assert.Equal(3507583219545544127UL, doc.Options.Seed);
        Assert.NotNull(doc.Accommodation);

        // Alice is actor 0, Bob 1: Bob's ideal adjusts 0.07 toward Alice (exact decimal, tolerance 0).
        Assert.Equal(0.07, doc.Accommodation![1, 0]);
        // Ellie (4) has no pairs: the identity entry stays, as in KTAB (which starts from the identity).
        Assert.Equal(1, doc.Accommodation[4, 4]);
        Assert.Equal(0.87, doc.Accommodation[0, 0]);
        var input = doc.ToSmpInput();
        Assert.True(input.HasAccommodation);

        // The stochastic run is reproducible from the seed.
        var a = new SmpModel(doc.Options).Run(input);
        var b = new SmpModel(doc.Options).Run(input);
        Assert.Equal(a.Steps, b.Steps);
        Assert.Equal(a.Final.Position(0, 0), b.Final.Position(0, 0));
    }

    [Fact]
    public void Parse_UnknownParameter_Reported()
    {
        var text = File.ReadAllText(KtabFiles.Input("smpExample.xml"))
            .Replace("<dCoord></dCoord>", "<dCoord>50</dCoord>", StringComparison.Ordinal)
            .Replace("<PCEModel>MarkovIncentive</PCEModel>", "<PCEModel>Sortition</PCEModel>", StringComparison.Ordinal);
        var ex = Assert.Throws<ScenarioLoadException>(() => KtabXmlReader.Parse(text, "x.xml"));
        var p = Assert.Single(ex.Problems);
        Assert.Equal("ModelParameters.PCEModel", p.FieldPath);
        Assert.Contains("Conditional", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanRead_XmlAndCsv_Distinguished()
    {
        Assert.True(KtabXmlReader.CanRead("a.xml", File.ReadAllText(KtabFiles.Input("smpExample.xml"))));
        Assert.False(KtabXmlReader.CanRead("a.csv", File.ReadAllText(KtabFiles.Input("Tiny3.csv"))));
        Assert.False(KtabXmlReader.CanRead("a.xml", "<root/>"));
    }
}

public sealed class KtabXmlReaderRunTest
{
    [Fact]
    public void ToSmpInput_DummyData3DimXml_ReproducesKtabCsvRun()
    {
        // Given the XML form (no ModelParameters: KTAB's defaults) and KTAB's reference history of the CSV form
        var doc = KtabXmlReader.Load(KtabFiles.Input("dummyData_3Dim.xml"));
        var rows = File.ReadAllLines(Parley.Testing.SharedData.File("data", "ktab", "reference", "dummyData_3Dim.positions.csv")).Skip(1)
            .Select(l => l.Split(',')).ToList();

        // When SMP runs on it
        var result = new SmpModel(doc.Options).Run(doc.ToSmpInput());

        // Then every position of every turn matches within ±0.005 (0–100 scale)
        Assert.Equal(rows.Max(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)), result.Steps);
        foreach (var r in rows)
        {
            var expected = double.Parse(r[^1], System.Globalization.CultureInfo.InvariantCulture);
            var got = result.Position(int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected, got, 0.005);
        }
    }
}
