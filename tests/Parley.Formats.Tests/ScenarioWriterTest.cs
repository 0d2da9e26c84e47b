using Parley.Core.Scenarios;
using Parley.Formats.Writing;

namespace Parley.Formats.Tests;

public class ScenarioWriterTest
{
    public static TheoryData<string> Shipped => new() { Paths.KoreaYaml, Paths.EmissionYaml, Paths.KoreaJson };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ToYaml_ShippedScenario_RoundTripsToEqualScenario(string path)
    {
        // Given a loaded scenario
        var original = ScenarioLoader.LoadFile(path);

        // When it is written and read back
        var yaml = ScenarioWriter.ToYaml(original, ScenarioWriter.SchemaComment);
        var reloaded = ScenarioLoader.LoadText(yaml, "roundtrip.yaml");

        // Then nothing changed (numbers exactly)
        ScenarioAssert.Equal(original, reloaded);
    }

    [Fact]
    public void ToYaml_CsvScenario_WritesInferredScaleSoItReloadsEqualButDeclared()
    {
        var csv = ScenarioLoader.LoadFile(Paths.EmissionWidenedCsv);
        var reloaded = ScenarioLoader.LoadText(ScenarioWriter.ToYaml(csv), "w.yaml");
        Assert.Equal((4.0, 10.0, true), (reloaded.Issues[0].ScaleLow, reloaded.Issues[0].ScaleHigh, reloaded.Issues[0].ScaleDeclared));
        Assert.Equal(csv.Values.Select(v => (v.Position, v.Salience, v.Capability)), reloaded.Values.Select(v => (v.Position, v.Salience, v.Capability)));
    }

    [Fact]
    public void ToYaml_AwkwardTextsAndAllDeltaKinds_RoundTrip()
    {
        // Given texts YAML would misread if written bare, and every delta kind
        var actor = new Actor("new", "New: \"quoted\" \\ back", "line1\nline2\ttab", new Evidence("null", ["true", "1.5", "- dash", "# hash", "é ü 漢字"], "yes"));
        var scenario = new Scenario(
            "x",
            "x",
            ScenarioMetadata.Empty with { Notes = "2024-01-01" },
            [new Issue("i", "I", null, -5, 5, true, [new Anchor(-5, "low"), new Anchor(0.1, "mid")], Estimate.Exactly(0), null, Evidence.None)],
            [new Actor("a", "A", null, Evidence.None)],
            [new ActorIssueValue("a", "i", new Estimate(-1, 0, 1e-7), Estimate.Exactly(100), Estimate.Exactly(1.0 / 3), Evidence.None)],
            [
                new Variant("v", "V", null, Evidence.None, [
                    new AddActorDelta { ActorId = "new", Actor = actor, Values = [new ActorIssueValue("new", "i", Estimate.Exactly(1), Estimate.Exactly(2), Estimate.Exactly(3), Evidence.None)] },
                    new RenameActorDelta { ActorId = "a", Name = "A'" },
                    new SetValueDelta { ActorId = "a", IssueId = "i", Field = ValueField.Capability, Value = new Estimate(0, 1, 2) },
                    new RemoveActorDelta { ActorId = "new" },
                ]),
            ]);

        // When written and reloaded
        var reloaded = ScenarioLoader.LoadText(ScenarioWriter.ToYaml(scenario), "awkward.yaml");

        // Then it is equal
        ScenarioAssert.Equal(scenario, reloaded);
    }
}
