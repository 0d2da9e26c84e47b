using Parley.Core.Scenarios;
using Parley.Formats.Steps;

namespace Parley.Formats.Tests.Steps;

public class StepLibraryReaderTests
{
    private const string Valid = """
        id: lib
        steps:
          - id: freeze
            name: Freeze
            owner: dprk
            effects:
              deal-scope: 8
              nuclear-end-state: -2.5
            reversible: true
            evidence:
              note: analyst
          - id: dismantle
            name: Dismantle
            owner: dprk
            prerequisites: [freeze]
            effects:
              nuclear-end-state: 10
            evidence:
              quotes: ["a quote"]
        """;

    private static Scenario TinyScenario()
    {
        Issue I(string id) => new(id, id, null, 0, 100, true, [], null, null, Evidence.None);
        return new Scenario("s", "s", ScenarioMetadata.Empty, [I("deal-scope"), I("nuclear-end-state")], [new Actor("dprk", "DPRK", null, Evidence.None)], []);
    }

    [Fact]
    public void Parse_ValidLibrary_ReadsAllFields()
    {
        var lib = StepLibraryReader.Parse(Valid, "lib.yaml", TinyScenario());

        Assert.Equal("lib", lib.Id);
        Assert.Equal(["dismantle", "freeze"], lib.Steps.Select(s => s.Id));
        var freeze = lib.Find("freeze")!;
        Assert.True(freeze.Reversible);
        Assert.Equal(-2.5, freeze.ShiftOn("nuclear-end-state"), 1e-12);
        Assert.False(lib.Find("dismantle")!.Reversible);
        Assert.Equal(["freeze"], lib.Find("dismantle")!.Prerequisites);
        Assert.Equal(["a quote"], lib.Find("dismantle")!.Evidence.Quotes);
    }

    [Fact]
    public void Parse_UnknownIssueAndActor_ReportsFileLineColumn()
    {
        // Given an owner and an issue the scenario lacks (line 5 col 12; line 7 col 7)
        var text = Valid.Replace("owner: dprk\n    effects:\n      deal-scope", "owner: dprkk\n    effects:\n      deal-scop", StringComparison.Ordinal);

        // When
        var ex = Assert.Throws<ScenarioLoadException>(() => StepLibraryReader.Parse(text, "lib.yaml", TinyScenario()));

        // Then
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith("lib.yaml:5:12: steps[0].owner: Unknown actor 'dprkk'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith("lib.yaml:7:7: steps[0].effects.deal-scop: Unknown issue 'deal-scop'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WithoutScenario_DoesNotCheckIds()
    {
        var text = Valid.Replace("deal-scope", "anything", StringComparison.Ordinal);
        Assert.Equal(2, StepLibraryReader.Parse(text, "lib.yaml").Steps.Count);
    }

    [Theory]
    [InlineData("deal-scope: 8", "deal-scope: lots", "lib.yaml:7:19: steps[0].effects.deal-scope: 'lots' is not a number")]
    [InlineData("prerequisites: [freeze]", "prerequisites: [thaw]", "lib.yaml:15:21: steps[1].prerequisites[0]: Unknown step 'thaw'")]
    [InlineData("reversible: true", "reversible: maybe", "lib.yaml:9:17: steps[0].reversible: 'maybe' is not a boolean")]
    [InlineData("reversible: true", "reversable: true", "lib.yaml:9:5: steps[0].reversable: Unknown field 'reversable'")]
    [InlineData("    evidence:\n      quotes: [\"a quote\"]", "    evidence: {}", "lib.yaml:18:15: steps[1].evidence: Give at least one quote or a note.")]
    [InlineData("id: dismantle", "id: freeze", "lib.yaml:12:5: steps[1].id: Step id 'freeze' is already used")]
    [InlineData("id: dismantle", "id: Dismantle Now", "lib.yaml:12:9: steps[1].id: 'Dismantle Now' is not a valid id")]
    [InlineData("    owner: dprk\n    prerequisites", "    prerequisites", "lib.yaml:12:5: steps[1].owner: Required field 'owner' is missing.")]
    public void Parse_BadField_ReportsLocationAndField(string find, string replace, string expectedStart)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        var ex = Assert.Throws<ScenarioLoadException>(() => StepLibraryReader.Parse(text, "lib.yaml"));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PrerequisiteCycle_IsReported()
    {
        var text = Valid.Replace("    reversible: true", "    reversible: true\n    prerequisites: [dismantle]", StringComparison.Ordinal);
        var ex = Assert.Throws<ScenarioLoadException>(() => StepLibraryReader.Parse(text, "lib.yaml"));
        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsLocation()
    {
        var ex = Assert.Throws<ScenarioLoadException>(() => StepLibraryReader.Parse("id: lib\nsteps: x: y\n", "bad.yaml"));
        Assert.StartsWith("bad.yaml:2:", ex.Problems.Single().ToString(), StringComparison.Ordinal);
        Assert.Contains("Invalid YAML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        var ex = Assert.Throws<ScenarioLoadException>(() => StepLibraryReader.Load("/no/such/steps.yaml"));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }
}
