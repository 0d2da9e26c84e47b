using Parley.Core.Models.Smp;

namespace Parley.Core.Tests.Smp;

public sealed partial class SmpModelTest
{
    public static IEnumerable<object[]> Variants()
    {
        var d = SmpOptions.Default;
        foreach (var v in Enum.GetValues<VictoryProbModel>())
        {
            yield return [d with { VictoryProbModel = v }];
        }

        foreach (var v in Enum.GetValues<PceModel>())
        {
            yield return [d with { PceModel = v }];
        }

        foreach (var v in Enum.GetValues<SmpVotingRule>())
        {
            yield return [d with { VotingRule = v }];
        }

        foreach (var v in Enum.GetValues<BigRAdjust>())
        {
            yield return [d with { BigRAdjust = v }];
        }

        foreach (var v in Enum.GetValues<BigRRange>())
        {
            yield return [d with { BigRRange = v }];
        }

        foreach (var v in Enum.GetValues<ThirdPartyCommit>())
        {
            yield return [d with { ThirdPartyCommit = v }];
        }

        foreach (var v in Enum.GetValues<InterVecBargain>())
        {
            yield return [d with { InterVecBargain = v }];
        }

        foreach (var v in Enum.GetValues<BargainModel>())
        {
            yield return [d with { BargainModel = v }];
        }

        yield return [d with { StateTransitions = StateTransitions.Stochastic, Seed = 42 }];
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Run_AnyOptions_KeepsInvariants(SmpOptions options)
    {
        // Given a 3-dimensional KTAB example and one non-default switch
        var input = KtabReference.LoadInput("dummyData_3Dim");

        // When SMP runs
        var result = new SmpModel(options).Run(input);

        // Then positions stay on 0–100, win probabilities of distinct positions lie in [0, 1] (1e-9 slack) and the
        // run ends within the turn limit
        Assert.InRange(result.Steps, 1, options.MaxTurns);
        foreach (var t in result.Turns)
        {
            for (var a = 0; a < input.ActorCount; a++)
            {
                Assert.InRange(t.WinProbabilities[a], -1e-9, 1 + 1e-9);
                for (var k = 0; k < input.DimensionCount; k++)
                {
                    Assert.InRange(t.Position(a, k), -1e-9, 100 + 1e-9);
                }
            }
        }
    }

    [Fact]
    public void Run_StochasticSameSeed_IdenticalHistories()
    {
        var input = KtabReference.LoadInput("SOE-Pol-Comp");
        var options = SmpOptions.Default with { StateTransitions = StateTransitions.Stochastic, Seed = 7 };
        var a = new SmpModel(options).Run(input);
        var b = new SmpModel(options).Run(input);
        Assert.Equal(a.Steps, b.Steps);
        for (var t = 0; t < a.Turns.Count; t++)
        {
            for (var i = 0; i < input.ActorCount; i++)
            {
                // Exact: same seed, same arithmetic.
                Assert.Equal(a.Position(t, i, 0), b.Position(t, i, 0));
                Assert.Equal(a.Position(t, i, 1), b.Position(t, i, 1));
            }
        }
    }

    [Fact]
    public void Run_AllActorsAtOnePosition_ReportsGuardInsteadOfAborting()
    {
        // Given three actors sharing one position (every position is equally likely: KTAB divides by zero)
        var input = SmpInput.Create(["a", "b", "c"], ["x"], [1, 2, 3], new double[,] { { 40 }, { 40 }, { 40 } }, new double[,] { { 50 }, { 50 }, { 50 } });

        // When SMP runs
        var result = new SmpModel().Run(input);

        // Then it finishes, nobody moves, risk attitudes are 0 and the guard is reported
        Assert.Contains(result.Messages, m => m.Contains("equally likely", StringComparison.Ordinal));
        Assert.All(result.Turns[0].RiskAttitudes, r => Assert.Equal(0, r));
        Assert.Equal(40, result.Final.Position(2, 0), 1e-12);
    }

    [Fact]
    public void Constructor_BadOption_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmpModel(SmpOptions.Default with { MaxTurns = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmpModel(SmpOptions.Default with { PceModel = (PceModel)9 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmpModel(SmpOptions.Default with { MinDeltaRatio = double.NaN }));
    }

    [Fact]
    public void Run_MaxTurnsOne_StopsAtTheLimit()
    {
        var result = new SmpModel(SmpOptions.Default with { MaxTurns = 1 }).Run(KtabReference.LoadInput("SOE-Policy"));
        Assert.Equal(1, result.Steps);
        Assert.Equal(SmpStopReason.MaxTurns, result.StopReason);
    }

    [Fact]
    public void Outcome_Tiny3_IsPowerWeightedMeanOfFinalPositions()
    {
        // Given Tiny3's final positions from KTAB's reference output
        var input = KtabReference.LoadInput("Tiny3");
        var final = KtabReference.Final("Tiny3");
        var result = new SmpModel().Run(input);

        // Then the outcome is Σ c·s·x / Σ c·s over the reference positions (tolerance 0.005, the positions' precision)
        double num = 0, den = 0;
        for (var a = 0; a < input.ActorCount; a++)
        {
            var w = input.Capability(a) * input.Salience(a, 0);
            num += w * final[a][0];
            den += w;
        }

        Assert.Equal(num / den, result.Outcome(0), 0.005);
        var forecast = result.ToIssueForecast(0);
        Assert.Equal("smp", forecast.Model);
        Assert.Equal(result.Turns.Count, forecast.Rounds.Count);
        Assert.Equal(result.Outcome(0), forecast.Value);
    }
}
