using Parley.Core.Numerics;

namespace Parley.Core.Models.Compromise;

/// <summary>
/// The compromise model: the forecast is the capability × salience weighted mean of the positions,
/// <c>Σ cᵢ·sᵢ·xᵢ / Σ cᵢ·sᵢ</c>, in the issue's native units. It always lies within [min xᵢ, max xᵢ].
/// </summary>
/// <remarks>Immutable and thread-safe. The trace holds round 0 only.</remarks>
public sealed class CompromiseModel : IIssueModel
{
    /// <summary>The model id, <c>compromise</c>.</summary>
    public const string ModelId = "compromise";

    /// <inheritdoc/>
    public string Id => ModelId;

    /// <inheritdoc/>
    public IssueForecast Run(IssueInput input) => WeightedCentre.Run(input, ModelId, WeightedCentre.Kind.Mean);

    /// <inheritdoc/>
    public IIssueSolver CreateSolver(int maxActors) => new Solver(Guard.Positive(maxActors));

    private sealed class Solver(int maxActors) : IIssueSolver
    {
        private readonly double[] _weights = new double[maxActors];

        public double Solve(IssueInput input)
        {
            IssueInputChecks.Validate(input, maxActors);
            var w = _weights.AsSpan(0, input.Count);
            IssueInputChecks.FillWeights(input, w);
            return WeightedStats.Mean(input.Positions, w);
        }
    }
}
