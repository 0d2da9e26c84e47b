using Parley.Core.Models.Smp;
using Parley.Core.Scenarios;

namespace Parley.Core.Tests.Smp;

public sealed class SmpInputTest
{
    private static Issue Issue(string id, double lo, double hi) => new(id, id, null, lo, hi, true, [], null, null, Evidence.None);

    private static ActorIssueValue V(string a, string i, double p, double s, double c) =>
        new(a, i, Estimate.Exactly(p), Estimate.Exactly(s), Estimate.Exactly(c), Evidence.None);

    private static Actor A(string id) => new(id, id, null, Evidence.None);

    [Fact]
    public void FromScenario_NativeScalesAndAbstention_MappedOntoSmp()
    {
        // Given issue x on 0–10 and issue y on −50..50; C abstains from y
        var s = new Scenario(
            "s", "s", ScenarioMetadata.Empty, [Issue("x", 0, 10), Issue("y", -50, 50)], [A("A"), A("B"), A("C")],
            [V("A", "x", 2, 30, 10), V("A", "y", 0, 10, 30), V("B", "x", 8, 50, 5), V("B", "y", 50, 50, 5), V("C", "x", 5, 40, 2)]);

        // When it is mapped onto SMP
        var input = SmpInput.FromScenario(s);

        // Then positions are on 0–100, C gets salience 0 and the mean position on y, and A's capability is the
        // salience-weighted mean (30·10 + 10·30)/40 = 15 (tolerance 1e-12, plain arithmetic)
        Assert.Equal(20, input.Position(0, 0), 1e-12);
        Assert.Equal(50, input.Position(0, 1), 1e-12);
        Assert.Equal(0, input.Salience(2, 1));
        Assert.Equal(75, input.Position(2, 1), 1e-12);
        Assert.Equal(15, input.Capability(0), 1e-12);
        Assert.Equal(5, input.Capability(1));
        Assert.Equal(10, SmpInput.FromScenario(s, SmpCapabilityRule.Max).Capability(0) - 20, 1e-12);

        // and B's saliences (50 + 50) are within the limit, so no note
        Assert.Empty(input.Notes);
        Assert.Equal(-50, input.Scales[1].Low);
    }

    [Fact]
    public void FromScenario_SaliencesOver100_ScaledDownWithNote()
    {
        var s = new Scenario(
            "s", "s", ScenarioMetadata.Empty, [Issue("x", 0, 100), Issue("y", 0, 100)], [A("A"), A("B"), A("C")],
            [V("A", "x", 20, 90, 1), V("A", "y", 0, 60, 1), V("B", "x", 80, 50, 1), V("C", "x", 50, 40, 1)]);
        var input = SmpInput.FromScenario(s);

        // 90 and 60 scaled by 100/150 (tolerance 1e-9).
        Assert.Equal(60, input.Salience(0, 0), 1e-9);
        Assert.Equal(40, input.Salience(0, 1), 1e-9);
        Assert.Single(input.Notes);
    }

    [Fact]
    public void FromScenario_ActorWithoutValues_Throws()
    {
        var s = new Scenario("s", "s", ScenarioMetadata.Empty, [Issue("x", 0, 100)], [A("A"), A("B"), A("C")], [V("A", "x", 20, 90, 1), V("B", "x", 80, 50, 1)]);
        var ex = Assert.Throws<ArgumentException>(() => SmpInput.FromScenario(s));
        Assert.Contains("'C'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 50, 50, "Capability")]
    [InlineData(1, 101, 50, "Position")]
    [InlineData(1, 50, -1, "Salience")]
    [InlineData(1, 50, 0, "salience 0 on every dimension")]
    public void Create_InvalidValue_ThrowsNamingIt(double capability, double position, double salience, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => SmpInput.Create(
            ["a", "b"], ["x"], [capability, 1], new double[,] { { position }, { 10 } }, new double[,] { { salience }, { 10 } }));
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class SmpModelScenarioTest
{
    [Fact]
    public void Run_Scenario_ResultsPerIssueInNativeUnits()
    {
        // Given Tiny3 as a scenario on a 0–10 scale (positions 1, 6, 9)
        var issue = new Issue("i", "i", null, 0, 10, true, [], null, null, Evidence.None);
        ActorIssueValue V(string a, double p, double s, double c) => new(a, "i", Estimate.Exactly(p), Estimate.Exactly(s), Estimate.Exactly(c), Evidence.None);
        var scenario = new Scenario(
            "t", "t", ScenarioMetadata.Empty, [issue],
            [new Actor("A", "A", null, Evidence.None), new Actor("B", "B", null, Evidence.None), new Actor("C", "C", null, Evidence.None)],
            [V("A", 1, 80, 100), V("B", 6, 50, 60), V("C", 9, 60, 30)]);

        // When SMP runs on it
        var result = new SmpModel().Run(scenario);
        var k = result.DimensionIndex("i");

        // Then KTAB's Tiny3 final positions (12.25, 61.77, 61.77 on 0–100) come back as 1.225, 6.177, 6.177
        // (tolerance 0.0005: the reference's 0.005 on 0–100, rescaled)
        var final = KtabReference.Final("Tiny3");
        var native = result.PositionsNative(k);
        Assert.Equal(final[0][0] / 10, native[^1][0], 0.0005);
        Assert.Equal(final[1][0] / 10, native[^1][1], 0.0005);
        Assert.Equal(final[2][0] / 10, native[^1][2], 0.0005);
        Assert.InRange(result.Outcome(k), 0, 10);
        Assert.Throws<KeyNotFoundException>(() => result.DimensionIndex("nope"));
    }
}
