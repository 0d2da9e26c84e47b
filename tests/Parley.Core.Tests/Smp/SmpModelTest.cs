using Parley.Core.Models.Smp;

namespace Parley.Core.Tests.Smp;

public sealed partial class SmpModelTest
{
    // Tolerances from shared/data/ktab/README.md: positions are exact to 0.01 on 0–100 and printed with 4 decimals,
    // probabilities and ratios are printed with 4 decimals (half a unit in the last place, plus float slack).
    private const double PositionTolerance = 0.005;
    private const double ProbabilityTolerance = 0.00005 + 1e-9;

    public static IEnumerable<object[]> Names => KtabReference.CsvNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_KtabExample_ReproducesEveryPositionOfEveryTurn(string name)
    {
        // Given a KTAB example and KTAB's own position history
        var input = KtabReference.LoadInput(name);
        var expected = KtabReference.Positions(name, input.ActorCount, input.DimensionCount);

        // When SMP runs with KTAB's defaults
        var result = new SmpModel().Run(input);

        // Then it makes the same number of steps and every position agrees within ±0.005 (0–100 scale)
        Assert.Equal(expected.Count, result.Turns.Count);
        for (var t = 0; t < expected.Count; t++)
        {
            for (var a = 0; a < input.ActorCount; a++)
            {
                for (var d = 0; d < input.DimensionCount; d++)
                {
                    var diff = Math.Abs(expected[t][a, d] - result.Position(t, a, d));
                    Assert.True(diff <= PositionTolerance, $"{name}: turn {t}, actor {a}, dim {d}: expected {expected[t][a, d]}, got {result.Position(t, a, d)}.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_KtabExample_ReproducesWinProbabilities(string name)
    {
        var input = KtabReference.LoadInput(name);
        var result = new SmpModel().Run(input);
        foreach (var (turn, actor, p) in KtabReference.WinProbabilities(name))
        {
            var got = result.Turns[turn].WinProbabilities[actor];
            Assert.True(Math.Abs(got - p) <= ProbabilityTolerance, $"{name}: turn {turn}, actor {actor}: expected {p}, got {got}.");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_KtabExample_ReproducesConvergenceAndFinalPositions(string name)
    {
        var input = KtabReference.LoadInput(name);
        var result = new SmpModel().Run(input);
        var conv = KtabReference.Convergence(name).ToList();
        Assert.Equal(conv.Count, result.Steps);
        foreach (var (step, ratio) in conv)
        {
            var got = result.Turns[step].ConvergenceRatio!.Value;
            Assert.True(Math.Abs(got - ratio) <= ProbabilityTolerance, $"{name}: step {step}: expected {ratio}, got {got}.");
        }

        var final = KtabReference.Final(name);
        for (var a = 0; a < final.Count; a++)
        {
            for (var d = 0; d < final[a].Length; d++)
            {
                Assert.True(Math.Abs(final[a][d] - result.Final.Position(a, d)) <= PositionTolerance, $"{name}: final actor {a} dim {d}.");
            }
        }

        Assert.Equal(SmpStopReason.Converged, result.StopReason);
    }
}
