using FsCheck;
using FsCheck.Fluent;
using Parley.Core.Models;
using Parley.Core.Models.Compromise;

namespace Parley.Core.Tests.Models.Compromise;

public sealed class CompromiseModelTests
{
    private static readonly CompromiseModel Model = new();

    [Fact]
    public void Run_EmissionStandards_IsWeightedMeanWithRound0Trace()
    {
        // Given the published initial mean (spec §9, "Initial state: … mean = 7.390")
        var input = ReferenceData.EmissionStandards();

        var forecast = Model.Run(input);

        // Then, to the spec's three decimals (±1e-3)
        Assert.Equal("compromise", forecast.Model);
        Assert.Equal(EumSpecData.InitialState.Mean, forecast.Value, 1e-3);
        var round = Assert.Single(forecast.Rounds);
        Assert.Equal(forecast.Value, round.Mean);
        Assert.Equal(EumSpecData.InitialState.Median, round.Median, 0);
        Assert.Equal(input.Positions, round.Positions);
        Assert.Null(round.RiskExponents);
        Assert.Empty(round.Moves);
    }

    [Fact]
    public void Run_ZeroSalienceActor_IsIgnored()
    {
        var input = IssueInput.Create(["a", "b", "z"], [2, 4, 100], [50, 50, 0], [1, 1, 9], 0, 100);

        Assert.Equal(3, Model.Run(input).Value, 1e-12);
    }

    [Fact]
    public void Run_NoWeight_Throws()
    {
        var input = IssueInput.Create(["a"], [2], [0], [1], 0, 10);

        var ex = Assert.Throws<ArgumentException>(() => Model.Run(input));
        Assert.Contains("total weight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SalienceOutOfRange_Throws()
    {
        var input = IssueInput.Create(["a"], [2], [101], [1], 0, 10);

        Assert.Throws<ArgumentException>(() => Model.Run(input));
    }

    [Fact]
    public void Solve_Warm_EqualsRunAndAllocatesNothing()
    {
        var input = ModelProperties.RandomIssue(new Random(50), 50);
        var solver = Model.CreateSolver(64);
        solver.Solve(input);

        var value = double.NaN;
        var allocated = Allocation.Fewest(() => value = solver.Solve(input));

        Assert.Equal(Model.Run(input).Value, value, 0);
        Assert.Equal(0, allocated);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Run_AnyIssue_WithinPositionRange() =>
        Prop.ForAll(ModelProperties.Issues(30).ToArbitrary(), input =>
        {
            var value = Model.Run(input).Value;
            return value >= input.Positions.Min() && value <= input.Positions.Max();
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Run_CapabilitiesScaled_ForecastUnchanged() =>
        Prop.ForAll(ModelProperties.IssuesWithScale(30).ToArbitrary(), c =>
            ModelProperties.RelativelyEqual(Model.Run(c.Input).Value, Model.Run(ModelProperties.ScaleCapabilities(c.Input, c.Factor)).Value, 1e-9));

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Run_ActorsReordered_ForecastUnchanged() =>
        Prop.ForAll(ModelProperties.ShuffledIssues(30).ToArbitrary(), c =>
            ModelProperties.RelativelyEqual(Model.Run(c.Input).Value, Model.Run(ModelProperties.Reorder(c.Input, c.Order)).Value, 1e-12));
}
