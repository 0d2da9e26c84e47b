namespace Parley.Core.Models;

/// <summary>
/// A collective-decision model over one issue. Implementations are immutable and thread-safe;
/// their options are fixed at construction.
/// </summary>
public interface IIssueModel
{
    /// <summary>Short id used on the command line and in JSON (<c>compromise</c>, <c>median</c>, <c>eum</c>).</summary>
    string Id { get; }

    /// <summary>Runs the model and returns the forecast with its full trace.</summary>
    IssueForecast Run(IssueInput input);

    /// <summary>
    /// Creates a reusable solver for hot loops (Monte Carlo, sensitivity): it owns scratch buffers sized for
    /// up to <paramref name="maxActors"/> actors and allocates nothing per <see cref="IIssueSolver.Solve"/> once warm.
    /// A solver is not thread-safe: use one per worker.
    /// </summary>
    IIssueSolver CreateSolver(int maxActors);
}

/// <summary>A stateful, allocation-free forecaster; one per thread.</summary>
public interface IIssueSolver
{
    /// <summary>Returns the model's forecast (native units) for <paramref name="input"/>; does not modify it.</summary>
    double Solve(IssueInput input);
}
