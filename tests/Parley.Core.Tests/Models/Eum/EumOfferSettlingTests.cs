using Parley.Core.Models;
using Parley.Core.Models.Eum;

namespace Parley.Core.Tests.Models.Eum;

/// <summary>
/// With Q = 1 the engine decides most dyads from the probabilities alone, without the powered utilities (bounds on
/// R = (S − SQ)/(S − F), see EumEngine.SettleMargin). These tests hold that shortcut to the full evaluation of every
/// dyad: the same offers, round after round, on random games and on games whose positions coincide.
/// </summary>
public sealed class EumOfferSettlingTests
{
    [Theory]
    [InlineData(3, 200)]
    [InlineData(10, 300)]
    [InlineData(25, 60)]
    [InlineData(80, 10)]
    public void ChooseOffers_Settled_EqualsFullEvaluation(int actors, int games)
    {
        var rng = new Random(actors * 7919);
        var settled = new EumEngine(actors);
        var full = new EumEngine(actors) { SettleWithoutPowers = false };
        var moves = 0;
        for (var g = 0; g < games; g++)
        {
            // Every other game puts positions on a coarse grid, so ties of position and distance are common.
            var input = g % 2 == 0 ? ModelProperties.RandomIssue(rng, actors) : GridIssue(rng, actors);
            settled.Load(input, EumOptions.Default);
            full.Load(input, EumOptions.Default);
            for (var round = 1; round <= 6 && !settled.IsTrivial; round++)
            {
                settled.PrepareRound();
                full.PrepareRound();
                settled.ChooseOffers();
                full.ChooseOffers();

                Assert.Equal(full.MoveTargets.ToArray(), settled.MoveTargets.ToArray());
                Assert.Equal(full.MoveKinds.ToArray(), settled.MoveKinds.ToArray());
                Assert.Equal(full.NextPositions.ToArray(), settled.NextPositions.ToArray());
                foreach (var target in settled.MoveTargets)
                {
                    moves += target == EumEngine.NoMove ? 0 : 1;
                }

                var changed = settled.ApplyMoves();
                full.ApplyMoves();
                if (!changed)
                {
                    break;
                }
            }
        }

        // The comparison is only worth something if offers were made.
        Assert.True(moves > games, $"only {moves} moves in {games} games");
    }

    [Fact]
    public void ChooseOffers_PositionsAlmostEqual_SettledEqualsFullEvaluation()
    {
        // Given two actors 1.4e-13 apart (compromises produce such pairs): their utilities are rounding noise, and the
        // bounds alone would call a confrontation that the literal evaluation does not see
        var input = IssueInput.Create(
            ["a", "b", "c", "d", "e", "f"],
            [39.99091932516528, 39.990919325165144, 40, 30, 0, 90],
            [30, 30, 70, 50, 40, 60],
            [1, 1, 2, 1, 1, 1],
            0,
            100);
        var settled = new EumEngine(6);
        var full = new EumEngine(6) { SettleWithoutPowers = false };
        settled.Load(input, EumOptions.Default);
        full.Load(input, EumOptions.Default);

        for (var round = 0; round < 5; round++)
        {
            settled.PrepareRound();
            full.PrepareRound();
            settled.ChooseOffers();
            full.ChooseOffers();

            // Then both make the same choices
            Assert.Equal(full.MoveTargets.ToArray(), settled.MoveTargets.ToArray());
            Assert.Equal(full.NextPositions.ToArray(), settled.NextPositions.ToArray());
            settled.ApplyMoves();
            full.ApplyMoves();
        }
    }

    [Fact]
    public void Solve_WidenedEmissionDraws_SameWithAndWithoutSettling()
    {
        var rng = new Random(2011);
        var settled = new EumEngine(10);
        var full = new EumEngine(10) { SettleWithoutPowers = false };
        var options = new EumOptions { Rounds = 8 };
        for (var draw = 0; draw < 300; draw++)
        {
            var input = ReferenceData.EmissionStandards();
            for (var k = 0; k < input.Count; k++)
            {
                input.Positions[k] = Math.Clamp(input.Positions[k] + ((rng.NextDouble() - 0.5) * 2), 4, 10);
                input.Saliences[k] = Math.Clamp(input.Saliences[k] + ((rng.NextDouble() - 0.5) * 30), 1, 100);
            }

            settled.Load(input, options);
            full.Load(input, options);
            Assert.Equal(full.Solve(options.Rounds), settled.Solve(options.Rounds));
        }
    }

    private static IssueInput GridIssue(Random rng, int n)
    {
        var ids = Enumerable.Range(0, n).Select(i => $"a{i}").ToArray();
        var x = Enumerable.Range(0, n).Select(_ => 10.0 * rng.Next(0, 11)).ToArray();
        var s = Enumerable.Range(0, n).Select(_ => 10.0 * rng.Next(1, 11)).ToArray();
        var c = Enumerable.Range(0, n).Select(_ => (double)rng.Next(1, 5)).ToArray();
        return IssueInput.Create(ids, x, s, c, 0, 100);
    }
}
