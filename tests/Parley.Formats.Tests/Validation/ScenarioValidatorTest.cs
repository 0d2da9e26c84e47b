using System.Text.Json.Nodes;
using Parley.Core.Scenarios;
using Parley.Core.Scenarios.Validation;

namespace Parley.Formats.Tests.Validation;

// Tests of the Core validator on scenarios built in code (no file, no locations).
public class ScenarioValidatorTest
{
    private static readonly Issue IssueI = new("i", "I", null, 0, 10, true, [new Anchor(0, "none"), new Anchor(10, "all")], null, null, Evidence.None);

    private static Scenario Build(
        IReadOnlyList<Delta>? deltas = null,
        IReadOnlyList<Recommendation>? recommendations = null,
        IReadOnlyList<Prediction>? predictions = null,
        Issue? issue = null)
    {
        Actor A(string id) => new(id, id, null, Evidence.None);
        ActorIssueValue V(string a, double p) => new(a, "i", Estimate.Exactly(p), Estimate.Exactly(50), Estimate.Exactly(1), Evidence.None);
        return new Scenario(
            "s",
            "s",
            ScenarioMetadata.Empty,
            [issue ?? IssueI],
            [A("a"), A("b"), A("c")],
            [V("a", 1), V("b", 9)],
            [new Variant("v", "v", null, Evidence.None, deltas ?? [])],
            predictions,
            recommendations);
    }

    [Fact]
    public void Validate_SoundScenario_NoProblems()
    {
        Assert.Empty(ScenarioValidator.Validate(Build()));
    }

    [Fact]
    public void Validate_RemovedActorUsedLater_ReportsUnknownActor()
    {
        var problems = ScenarioValidator.Validate(Build(
        [
            new RemoveActorDelta { ActorId = "a" },
            new SetValueDelta { ActorId = "a", IssueId = "i", Field = ValueField.Position, Value = Estimate.Exactly(2) },
        ]));

        var p = Assert.Single(problems);
        Assert.Equal(("variants[v].deltas[1].actor", "/variants/0/deltas/1/actor"), (p.Path, p.Pointer));
        Assert.StartsWith("unknown actor 'a'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AddExistingActor_ReportsIt()
    {
        var add = new AddActorDelta { ActorId = "b", Actor = new Actor("b", "B", null, Evidence.None), Values = [] };
        var p = Assert.Single(ScenarioValidator.Validate(Build([add])));
        Assert.Equal("variants[v].deltas[0].actor.id", p.Path);
        Assert.Contains("already exists", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AddedActorThenSet_IsAccepted()
    {
        var value = new ActorIssueValue("d", "i", Estimate.Exactly(3), Estimate.Exactly(30), Estimate.Exactly(2), Evidence.None);
        var add = new AddActorDelta { ActorId = "d", Actor = new Actor("d", "D", null, Evidence.None), Values = [value] };
        var set = new SetValueDelta { ActorId = "d", IssueId = "i", Field = ValueField.Salience, Value = new Estimate(10, 20, 30) };
        Assert.Empty(ScenarioValidator.Validate(Build([add, set])));
    }

    [Fact]
    public void Validate_AbstainingActorGivenAllThreeFields_IsAccepted()
    {
        Assert.Empty(ScenarioValidator.Validate(Build(
        [
            new SetValueDelta { ActorId = "c", IssueId = "i", Field = ValueField.Position, Value = Estimate.Exactly(5) },
            new SetValueDelta { ActorId = "c", IssueId = "i", Field = ValueField.Salience, Value = Estimate.Exactly(5) },
            new SetValueDelta { ActorId = "c", IssueId = "i", Field = ValueField.Capability, Value = Estimate.Exactly(5) },
        ])));
    }

    [Fact]
    public void Validate_RecommendationReferences_AreChecked()
    {
        var r = new Recommendation("r", 0, "zz", "b", "text", [], "nope", [new RenameActorDelta { ActorId = "q", Name = "Q" }], null);
        var problems = ScenarioValidator.Validate(Build(recommendations: [r]));
        Assert.Equal(
            ["recommendations[r].number", "recommendations[r].by", "recommendations[r].evaluateIn", "recommendations[r].moves[0].actor"],
            problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_PredictionCheckIds_AreCheckedAtAnyDepth()
    {
        var check = JsonNode.Parse("""{"kind":"all","of":[{"kind":"outcome","variant":"vv","issue":"i"},{"kind":"input","assert":[{"actor":"x","issue":"*"}],"variants":"all"}]}""")!.AsObject();
        var problems = ScenarioValidator.Validate(Build(predictions: [new Prediction("p", "s", [], check, null)]));
        Assert.Equal(
            [("predictions[p].check.of[0].variant", "/predictions/0/check/of/0/variant"), ("predictions[p].check.of[1].assert[0].actor", "/predictions/0/check/of/1/assert/0/actor")],
            problems.Select(p => (p.Path, p.Pointer)));
        Assert.StartsWith("unknown variant 'vv' (did you mean 'v'?)", problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, "anchor -1 is outside the issue's scale [0, 10]")]
    [InlineData(double.NaN, "anchor NaN is outside the issue's scale [0, 10]")]
    public void Validate_AnchorOutsideScale_IsReported(double point, string message)
    {
        var issue = IssueI with { Anchors = [new Anchor(point, "x")] };
        var p = Assert.Single(ScenarioValidator.Validate(Build(issue: issue)));
        Assert.Equal(message, p.Message);
    }

    [Fact]
    public void Validate_StatusQuoOutOfOrder_ReportsHigh()
    {
        var issue = IssueI with { StatusQuo = new Estimate(1, 5, 4) };
        var p = Assert.Single(ScenarioValidator.Validate(Build(issue: issue)));
        Assert.Equal(("issues[i].statusQuo.high", "high 4 is less than mode 5; need low ≤ mode ≤ high"), (p.Path, p.Message));
    }
}
