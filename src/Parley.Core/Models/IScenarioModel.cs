using Parley.Core.Scenarios;

namespace Parley.Core.Models;

/// <summary>
/// A model that sees all issues of a scenario at once (SMP, exchange). It reports, per issue, a forecast in the
/// same shape as single-issue models so that every surface can show them side by side.
/// </summary>
public interface IScenarioModel
{
    /// <summary>Short id used on the command line and in JSON.</summary>
    string Id { get; }

    /// <summary>Runs the model on <paramref name="scenario"/> and returns one forecast per issue, in the scenario's issue order.</summary>
    IReadOnlyList<IssueForecast> Run(Scenario scenario);
}
