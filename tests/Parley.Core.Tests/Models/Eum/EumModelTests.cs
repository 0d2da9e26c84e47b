using FsCheck;
using FsCheck.Fluent;
using Parley.Core.Models;
using Parley.Core.Models.Eum;
using Xunit.Abstractions;

namespace Parley.Core.Tests.Models.Eum;

/// <summary>
/// Checks the EUM against Scholz, Calbert &amp; Smith (2011) Table 2 (emission-standards.*), the spec's own
/// trajectory (shared/spec/eum.md §9), the edge cases of §9 and the solver contract.
/// </summary>
public sealed class EumModelTests(ITestOutputHelper output)
{
    // The published test case: Q = 1, τ = 8, L = the position range 4–10.
    private static readonly EumModel Published = new(new EumOptions { Rounds = 8, Q = 1.0 });

    private static IssueForecast RunPublished() => Published.Run(ReferenceData.EmissionStandards());

    private static int Index(IssueInput input, string actor) => input.ActorIds.ToList().IndexOf(actor);

    [Fact]
    public void Run_EmissionStandards_MedianTruncatesToPublishedTable2InRounds1And3To8()
    {
        // Given the published medians, which are the model values truncated to one decimal (spec §9)
        var published = ReferenceData.ByRound("emission-standards.expected.csv", "median");

        // When
        var rounds = RunPublished().Rounds;

        // Then floor(10·μ)/10 equals the table exactly (tolerance: the truncation, i.e. 0 ≤ μ − published < 0.1)
        Assert.Equal(9, rounds.Count);
        foreach (var (round, value) in published)
        {
            if (round == 2)
            {
                continue; // the documented erratum, tested below
            }

            Assert.True(Math.Floor(10 * rounds[round].Median) == Math.Round(10 * value), $"round {round}: μ = {rounds[round].Median}, published {value}");
        }
    }

    [Fact]
    public void Run_EmissionStandards_Round2IsTheDocumentedErratum()
    {
        // Scholz et al. print 9.9 for round 2 (text and Table 2), but no reading of the model that keeps rounds
        // 1 and 3–8 gives it: the round-2 positions are {4,4,4; 7,7; 8.416; 9.611; 10,10,10}. An independent
        // replication also gets 9.611. We test the spec value and log the mismatch rather than tune to it.
        var published = ReferenceData.ByRound("emission-standards.expected.csv", "median")[2];
        var expected = EumSpecData.SpecMedians[1];

        var median = RunPublished().Rounds[2].Median;

        Assert.Equal(expected, median, 1e-3);
        Assert.NotEqual(published, Math.Floor(10 * median) / 10);
        output.WriteLine($"Round 2: model {median:F4}, published {published} (known erratum, shared/spec/eum.md §9).");
    }

    [Fact]
    public void Run_EmissionStandards_MatchesSpecTrajectory()
    {
        var rounds = RunPublished().Rounds;

        // Tolerance ±1e-3 (the spec prints three decimals).
        for (var t = 1; t <= 8; t++)
        {
            Assert.Equal(EumSpecData.SpecMedians[t - 1], rounds[t].Median, 1e-3);
            Assert.Equal(EumSpecData.SpecMeans[t - 1], rounds[t].Mean, 1e-3);
        }
    }

    [Fact]
    public void Run_EmissionStandardsTwelveRounds_MatchesSpecRounds9To12()
    {
        var rounds = new EumModel(new EumOptions { Rounds = 12 }).Run(ReferenceData.EmissionStandards()).Rounds;

        // Tolerance ±1e-3 (three decimals in the spec).
        var expected = EumSpecData.Rounds9To12;
        for (var t = 9; t <= 12; t++)
        {
            Assert.Equal(expected[t - 9], rounds[t].Median, 1e-3);
        }
    }

    [Fact]
    public void Run_EmissionStandards_MeanWithinPublishedRoundingOfTable2()
    {
        var published = ReferenceData.ByRound("emission-standards.expected-mean.csv", "mean");

        var rounds = RunPublished().Rounds;

        // The published means are neither consistently rounded nor truncated: tolerance 0.07 (spec §9).
        foreach (var (round, value) in published)
        {
            Assert.InRange(rounds[round].Mean, value - 0.07, value + 0.07);
        }
    }

    [Fact]
    public void Run_EmissionStandards_InitialStateIsRoundZero()
    {
        var (median, mean) = EumSpecData.InitialState;

        var round0 = RunPublished().Rounds[0];

        // Tolerance 1e-3 (three decimals in the spec).
        Assert.Equal(0, round0.Round);
        Assert.Equal(median, round0.Median, 1e-3);
        Assert.Equal(mean, round0.Mean, 1e-3);
        Assert.Null(round0.RiskExponents);
        Assert.Empty(round0.Moves);
        Assert.Equal(ReferenceData.EmissionStandards().Positions, round0.Positions);
    }

    [Fact]
    public void Run_EmissionStandards_Round1RiskExponentsMatchSpec()
    {
        var input = ReferenceData.EmissionStandards();

        var risk = RunPublished().Rounds[1].RiskExponents!;

        // Tolerance ±1e-4 (four decimals in the spec).
        foreach (var (actor, r) in EumSpecData.RoundOneRiskExponents)
        {
            Assert.Equal(r, risk[Index(input, actor)], 1e-4);
        }

        Assert.Equal(10, EumSpecData.RoundOneRiskExponents.Count);
    }

    [Fact]
    public void Run_EmissionStandards_Round1MovesAreThoseOfSpec()
    {
        // Given spec §9: BE compromises toward FR (a=−0.1148, b=0.2433 → 8.4159); LU loses a confrontation to BE
        // (0.2455 < 0.5422 → 7); IE loses one to LU (0.5382 < 0.6825 → 4); nobody else moves.
        var input = ReferenceData.EmissionStandards();
        int be = Index(input, "Belgium"), fr = Index(input, "France"), lu = Index(input, "Luxembourg"), ie = Index(input, "Ireland");

        var moves = RunPublished().Rounds[1].Moves;

        Assert.Equal(3, moves.Count);
        Assert.Equal(new Move(be, fr, OfferKind.Compromise, 7, moves[0].To), moves[0]);
        Assert.Equal(8.4159, moves[0].To, 1e-4);
        Assert.Equal(new Move(lu, be, OfferKind.Confrontation, 4, 7), moves[1]);
        Assert.Equal(new Move(ie, lu, OfferKind.Confrontation, 7, 4), moves[2]);

        // And the utilities behind them, each with the receiver's own exponent (tolerance ±1e-4)
        var calc = EumCalculator.ForInitialState(input);
        AssertOffer(calc, be, fr, -0.1148, 0.2433);
        AssertOffer(calc, lu, be, 0.2455, 0.5422);
        AssertOffer(calc, ie, lu, 0.5382, 0.6825);
    }

    [Fact]
    public void Run_EmissionStandards_Round4BelgiumCompromisesTowardNetherlands()
    {
        // Spec §9: "Round 4: BE compromises toward NL (b=0.826 beats FR's) → 4.8009".
        var input = ReferenceData.EmissionStandards();
        var be = Index(input, "Belgium");

        var move = RunPublished().Rounds[4].Moves.Single(m => m.Actor == be);

        Assert.Equal(Index(input, "Netherlands"), move.Toward);
        Assert.Equal(OfferKind.Compromise, move.Kind);
        Assert.Equal(4.8009, move.To, 1e-4); // four decimals in the spec
    }

    [Fact]
    public void Run_OneActor_ForecastIsItsPositionWithNoRounds()
    {
        var input = IssueInput.Create(["a"], [3.5], [50], [1], 0, 10);

        var forecast = new EumModel().Run(input);

        Assert.Equal(3.5, forecast.Value);
        Assert.Single(forecast.Rounds);
    }

    [Fact]
    public void Run_AllPositionsEqual_ForecastIsThatPositionWithNoRounds()
    {
        var input = IssueInput.Create(["a", "b", "c"], [6, 6, 6], [50, 20, 90], [1, 2, 3], 0, 10);

        var forecast = new EumModel().Run(input);

        Assert.Equal(6, forecast.Value);
        Assert.Single(forecast.Rounds);
        Assert.NotNull(forecast.Note);
    }

    [Fact]
    public void Run_MirrorActors_EqualRiskNoMovesFixedPointLowerMedian()
    {
        // Given two actors alike but for mirrored positions
        var input = IssueInput.Create(["a", "b"], [2, 8], [60, 60], [1, 1], 0, 10);

        // When
        var forecast = new EumModel().Run(input);

        // Then equal D gives r = 1 (exact), nobody moves, the run stops after round 1 and the tie goes low
        Assert.Equal(2, forecast.Rounds.Count);
        Assert.Equal([1.0, 1.0], forecast.Rounds[1].RiskExponents!);
        Assert.Empty(forecast.Rounds[1].Moves);
        Assert.Equal(2, forecast.Value);
        Assert.Contains("Fixed point", forecast.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ZeroSalienceActor_NeverResistsAndHasNoVote()
    {
        // Given a third actor with salience 0 between two mirrored actors
        var input = IssueInput.Create(["a", "b", "z"], [2, 8, 5], [60, 60, 0], [1, 1, 5], 0, 10);
        var calc = EumCalculator.ForInitialState(input);

        // Then challenging z is worth Us − Usq > 0 for either side (it never resists) ...
        var d = 3.0 / 10;
        var rho = calc.RiskExponent(0);
        var expected = (2 - 4 * Math.Pow(0.5 - 0.5 * d, rho)) - (2 - 4 * Math.Pow(0.5, rho));
        Assert.Equal(expected, calc.ExpectedUtility(0, 2, rho), 1e-12);

        // ... and z casts no votes: a and b tie in every pairwise vote that z could otherwise swing (tolerance 1e-15)
        Assert.Equal(calc.Probability(0, 1), calc.Probability(1, 0), 1e-15);

        // ... nor weight in the median: a and b tie, so it goes to the lower position (exact)
        Assert.Equal(2, new EumModel().Run(input).Rounds[0].Median, 0);
    }

    [Fact]
    public void Run_PositionOutsideDeclaredScale_Throws()
    {
        var input = IssueInput.Create(["a", "b"], [0, 5], [50, 50], [1, 1], 1, 10);

        var ex = Assert.Throws<ArgumentException>(() => new EumModel().Run(input));
        Assert.Contains("outside the declared scale", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoWeight_Throws()
    {
        var input = IssueInput.Create(["a", "b"], [0, 5], [0, 50], [1, 0], 0, 10);

        Assert.Throws<ArgumentException>(() => new EumModel().Run(input));
    }

    [Fact]
    public void Run_DeclaredScaleOff_UsesPositionRange()
    {
        // Given the test case declared on 0–10: with the declared scale L = 10 (spec A7: round 1 gives 8.91),
        // without it L = 6 and round 1 is the published 8.4.
        var csv = ReferenceData.EmissionStandards();
        var wide = IssueInput.Create(csv.ActorIds, csv.Positions, csv.Saliences, csv.Capabilities, 0, 10);

        var onRange = new EumModel(new EumOptions { Rounds = 1, UseDeclaredScale = false }).Run(wide).Value;
        var declared = new EumModel(new EumOptions { Rounds = 1 }).Run(wide).Value;

        Assert.Equal(RunPublished().Rounds[1].Median, onRange, 0); // exact: same L
        Assert.Equal(8.91, declared, 0.01); // spec A7 prints two decimals
    }

    [Fact]
    public void Solve_EmissionStandards_EqualsRunExactly()
    {
        var input = ReferenceData.EmissionStandards();
        var solver = Published.CreateSolver(16);

        Assert.Equal(RunPublished().Value, solver.Solve(input), 0);
        Assert.Equal(RunPublished().Value, solver.Solve(input), 0); // reuse
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(1.0)]
    public void Solve_RandomIssues_EqualsRunExactly(double q)
    {
        var model = new EumModel(new EumOptions { Rounds = 10, Q = q });
        var solver = model.CreateSolver(40);
        var rng = new Random(12345);
        for (var trial = 0; trial < 20; trial++)
        {
            var input = ModelProperties.RandomIssue(rng, rng.Next(1, 41));
            Assert.Equal(model.Run(input).Value, solver.Solve(input), 0);
        }
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(1.0)]
    public void Solve_PositionsOneUlpApart_GivesAPositionOfTheInput(double q)
    {
        // Given positions so close that their midpoints round onto one of them, at the top of the scale
        var top = 10.0;
        var below = Math.BitDecrement(top);
        var input = IssueInput.Create(["a", "b", "c", "d"], [below, top, below, 4], [50, 60, 70, 80], [1, 2, 3, 1], 4, 10);
        var model = new EumModel(new EumOptions { Rounds = 10, Q = q });

        // When the solver and the traced run both run it
        var solved = model.CreateSolver(4).Solve(input);

        // Then neither throws, they agree, and the forecast is a position on the scale
        Assert.Equal(model.Run(input).Value, solved, 0);
        Assert.InRange(solved, 4, 10);
    }

    [Fact]
    public void Solve_Warm_AllocatesNothing()
    {
        // Given a warm solver and two pre-built inputs (one with Q < 1 paths, one the published case)
        var random = ModelProperties.RandomIssue(new Random(7), 30);
        var published = ReferenceData.EmissionStandards();
        var solver = new EumModel(new EumOptions { Q = 0.5 }).CreateSolver(30);
        for (var i = 0; i < 5; i++)
        {
            solver.Solve(random);
            solver.Solve(published);
        }

        // When
        var allocated = Allocation.Fewest(() =>
        {
            solver.Solve(random);
            solver.Solve(published);
        });

        // Then (exact)
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Solve_MoreActorsThanCapacity_Throws()
    {
        var solver = new EumModel().CreateSolver(2);

        Assert.Throws<ArgumentException>(() => solver.Solve(ModelProperties.RandomIssue(new Random(1), 3)));
    }

    [Fact]
    public void Id_IsEum() => Assert.Equal("eum", new EumModel().Id);

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Run_CapabilitiesScaled_ForecastUnchanged() =>
        Prop.ForAll(ModelProperties.IssuesWithScale(8).ToArbitrary(), c =>
        {
            var model = new EumModel(new EumOptions { Rounds = 6, Q = 0.8 });
            var before = model.Run(c.Input).Value;
            var after = model.Run(ModelProperties.ScaleCapabilities(c.Input, c.Factor)).Value;
            return ModelProperties.RelativelyEqual(before, after, 1e-9);
        });

    private static void AssertOffer(EumCalculator calc, int receiver, int proposer, double a, double b)
    {
        var rho = calc.RiskExponent(receiver);
        Assert.Equal(a, calc.ExpectedUtility(receiver, proposer, rho), 1e-4);
        Assert.Equal(b, calc.ExpectedUtility(proposer, receiver, rho), 1e-4);
    }
}
