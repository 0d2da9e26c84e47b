using FsCheck;
using FsCheck.Fluent;
using Parley.Core.Models;
using Parley.Core.Models.Median;

namespace Parley.Core.Tests.Models.Median;

public sealed class MedianModelTests
{
    private static readonly MedianModel Model = new();

    [Fact]
    public void Run_EmissionStandards_IsPublishedInitialMedian()
    {
        var input = ReferenceData.EmissionStandards();

        var forecast = Model.Run(input);

        // Exact: the median is one of the positions (spec §9 initial μ).
        Assert.Equal("median", forecast.Model);
        Assert.Equal(EumSpecData.InitialState.Median, forecast.Value, 0);
        Assert.Equal(EumSpecData.InitialState.Mean, Assert.Single(forecast.Rounds).Mean, 1e-3);
    }

    [Fact]
    public void Run_MirrorActors_TieGoesToLowerPosition()
    {
        var input = IssueInput.Create(["a", "b"], [8, 2], [60, 60], [1, 1], 0, 10);

        Assert.Equal(2, Model.Run(input).Value, 0);
    }

    [Fact]
    public void Run_OneActor_IsItsPosition()
    {
        Assert.Equal(4.5, Model.Run(IssueInput.Create(["a"], [4.5], [1], [1], 0, 10)).Value, 0);
    }

    [Fact]
    public void Run_HeavyActor_WinsAlone()
    {
        var input = IssueInput.Create(["a", "b", "c"], [1, 5, 9], [100, 100, 100], [1, 1, 3], 0, 10);

        Assert.Equal(9, Model.Run(input).Value, 0);
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
    public Property Run_CapabilitiesScaled_ForecastUnchanged() =>
        Prop.ForAll(ModelProperties.IssuesWithScale(30).ToArbitrary(), c =>
            ModelProperties.RelativelyEqual(Model.Run(c.Input).Value, Model.Run(ModelProperties.ScaleCapabilities(c.Input, c.Factor)).Value, 1e-9));

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Run_ActorsReordered_ForecastUnchanged() =>
        Prop.ForAll(ModelProperties.ShuffledIssues(30).ToArbitrary(), c =>
            Model.Run(c.Input).Value == Model.Run(ModelProperties.Reorder(c.Input, c.Order)).Value);
}
