using Parley.Core.Numerics;

namespace Parley.Core.Models.Median;

/// <summary>
/// The median-voter model: the forecast is the capability × salience weighted median of the positions
/// (the smallest position m with W(&lt;m) ≤ W/2 and W(&gt;m) ≤ W/2; an exact tie goes to the lower position),
/// in the issue's native units. It is always one of the actors' positions.
/// </summary>
/// <remarks>Immutable and thread-safe. The trace holds round 0 only.</remarks>
public sealed class MedianModel : IIssueModel
{
    /// <summary>The model id, <c>median</c>.</summary>
    public const string ModelId = "median";

    /// <inheritdoc/>
    public string Id => ModelId;

    /// <inheritdoc/>
    public IssueForecast Run(IssueInput input) => WeightedCentre.Run(input, ModelId, WeightedCentre.Kind.Median);

    /// <inheritdoc/>
    public IIssueSolver CreateSolver(int maxActors) => new Solver(Guard.Positive(maxActors));

    private sealed class Solver(int maxActors) : IIssueSolver
    {
        private readonly double[] _weights = new double[maxActors];
        private readonly double[] _scratch = new double[WeightedStats.MedianScratchLength(maxActors)];

        public double Solve(IssueInput input)
        {
            IssueInputChecks.Validate(input, maxActors);
            var w = _weights.AsSpan(0, input.Count);
            IssueInputChecks.FillWeights(input, w);
            return WeightedStats.Median(input.Positions, w, _scratch);
        }
    }
}
