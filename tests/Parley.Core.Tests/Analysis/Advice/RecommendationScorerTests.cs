using Parley.Core.Analysis.Advice;
using Parley.Core.Models.Compromise;
using Parley.Core.Models.Median;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using static Parley.Core.Tests.Uncertainty.TestScenarios;

namespace Parley.Core.Tests.Analysis.Advice;

public class RecommendationScorerTests
{
    private static Scenario WithRecommendation(string? evaluateIn = null)
    {
        var scenario = LeverSearchTests.TwoRangedIssues();
        var move = new SetValueDelta { ActorId = "b", IssueId = "i", Field = ValueField.Position, Value = E(30, 50, 70) };
        var variant = new Variant("b-cares", "B cares", null, Evidence.None, [new SetValueDelta { ActorId = "b", IssueId = "i", Field = ValueField.Salience, Value = E(60, 80, 95) }]);
        var rec = new Recommendation("move-b", 1, "me", "b", "Bring b closer on i.", [], evaluateIn, [move], null);
        return new Scenario(scenario.Id, scenario.Name, scenario.Metadata, scenario.Issues, scenario.Actors, scenario.Values, [variant], [], [rec]);
    }

    private static readonly AdviceOptions Options = new() { Simulation = new MonteCarloOptions { Draws = 500, Seed = 4 } };

    [Fact]
    public void Score_UntouchedIssue_ExactlyZero()
    {
        // When
        var score = RecommendationScorer.Score(WithRecommendation(), "me", [new CompromiseModel(), new MedianModel()], Options).Single();

        // Then: j is not touched; every number is exactly 0 (no tolerance)
        Assert.Equal(["i"], score.TouchedIssueIds);
        foreach (var e in score.Effects.Where(e => e.IssueId == "j"))
        {
            Assert.False(e.Touched);
            Assert.Equal(0.0, e.Change.Mean);
            Assert.Equal(0.0, e.Change.P10);
            Assert.Equal(0.0, e.Change.P90);
            Assert.Equal(0.0, e.Toward!.Mean);
        }

        // And a full simulation of both scenarios confirms it: j's draws are identical
        var engine = new MonteCarloEngine(Options.Simulation);
        var scenario = WithRecommendation();
        var baseRun = engine.Run(scenario, [new CompromiseModel()]);
        var changed = engine.Run(scenario.Apply(scenario.Recommendations[0].Moves), [new CompromiseModel()]);
        Assert.True(baseRun.Find("j", "compromise")!.Distribution.Draws.SequenceEqual(changed.Find("j", "compromise")!.Distribution.Draws));
    }

    [Fact]
    public void Score_TouchedIssue_MatchesVariantComparer()
    {
        // Given the recommendation's change on i, also computed by the variant comparer
        var scenario = WithRecommendation();
        var score = RecommendationScorer.Score(scenario, "me", [new CompromiseModel()], Options).Single();
        var engine = new MonteCarloEngine(Options.Simulation);
        var baseRun = engine.Run(scenario, [new CompromiseModel()]);
        var changed = engine.Run(scenario.Apply(scenario.Recommendations[0].Moves), [new CompromiseModel()]);
        var expected = VariantComparer.Differences(baseRun, changed, "rec").Single(d => d.IssueId == "i");

        // Then (tolerance 1e-12 native units)
        var effect = score.Effects.Single(e => e.IssueId == "i");
        Assert.True(effect.Touched);
        Assert.Equal(expected.Mean, effect.Change.Mean, 1e-12);
        Assert.Equal(expected.P10, effect.Change.P10, 1e-12);
        Assert.Equal(expected.P90, effect.Change.P90, 1e-12);

        // b moves toward me (90) on i, so the forecast comes closer in every draw: the gain is positive throughout
        Assert.True(effect.Toward!.P10 > 0);
        Assert.True(score.Gains.Single().P10 > 0);
        Assert.Equal(0.6 * effect.Toward.Mean, score.Gains.Single().Mean, 1e-9);
    }

    [Fact]
    public void Score_EvaluateInVariant_UsesThatVariantAsBaseline()
    {
        var scenario = WithRecommendation("b-cares");
        var score = RecommendationScorer.Score(scenario, "me", [new CompromiseModel()], Options).Single();
        var engine = new MonteCarloEngine(Options.Simulation);
        var variant = scenario.WithVariant("b-cares");
        var expected = engine.Run(variant, [new CompromiseModel()]).Find("i", "compromise")!.Distribution.Mean;

        Assert.Equal("b-cares", score.EvaluatedIn);
        Assert.Equal(expected, score.Effects.Single(e => e.IssueId == "i").BaselineMean, 1e-9);
    }
}
