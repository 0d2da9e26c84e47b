using Parley.Core.Models;
using Parley.Core.Models.Eum;

namespace Parley.Core.Tests.Models.Eum;

/// <summary>
/// The solver jumps to the end of a run once the positions repeat (a cycle): it must give exactly what the traced run
/// gives, for every number of rounds, including runs whose length is not a multiple of the period.
/// </summary>
public sealed class EumSolverCycleTests
{
    // Korea 2025, nuclear-end-state, most-likely values (dprk, usa, rok, japan, china, russia): eum settles into a
    // period-2 oscillation between 88 and 92 among the allies after a few rounds.
    private static IssueInput KoreaNuclear() => IssueInput.Create(
        ["dprk", "usa", "rok", "japan", "china", "russia"],
        [3, 50, 88, 92, 45, 10],
        [97, 45, 88, 88, 50, 35],
        [92, 80, 28, 25, 40, 35],
        0,
        100);

    // Korea 2025, japan-rok-security-cooperation, most-likely values: a period-2 swing of the median between 70 and 72.
    private static IssueInput KoreaCooperation() => IssueInput.Create(
        ["dprk", "usa", "rok", "japan", "china", "russia"],
        [5, 70, 70, 85, 20, 20],
        [20, 45, 70, 75, 40, 25],
        [10, 60, 55, 50, 25, 15],
        0,
        100);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(17)]
    [InlineData(40)]
    public void Solve_CyclingIssue_EqualsTracedRunExactly(int rounds)
    {
        var model = new EumModel(new EumOptions { Rounds = rounds });
        foreach (var input in new[] { KoreaNuclear(), KoreaCooperation() })
        {
            // Given the traced run, whose last round is computed in full
            var traced = model.Run(input.Clone());

            // When the allocation-free solver runs the same input
            var solved = model.CreateSolver(input.Count).Solve(input);

            // Then both give the same number to the last bit
            Assert.Equal(traced.Value, solved);
            Assert.Equal(traced.Rounds[^1].Median, solved);
        }
    }
}
