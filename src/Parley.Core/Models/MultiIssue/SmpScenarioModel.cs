using Parley.Core.Models.Smp;
using Parley.Core.Scenarios;

namespace Parley.Core.Models.MultiIssue;

/// <summary>
/// KTAB's Spatial Model of Politics over all issues of a scenario (issues are its dimensions), reported per issue:
/// rounds are SMP's turns, <c>mean</c> is the capability × salience weighted mean of the actors' positions on that
/// dimension (KTAB's effective power), and the value is that mean after the last turn. Native units.
/// </summary>
public sealed class SmpScenarioModel(SmpOptions? options = null) : IScenarioModel
{
    /// <inheritdoc/>
    public string Id => "smp";

    /// <inheritdoc/>
    public IReadOnlyList<IssueForecast> Run(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var result = new SmpModel(options).Run(scenario);
        return scenario.Issues
            .Select(issue => ParticipantView.Restrict(scenario, issue.Id, scenario.Actors.Select(a => a.Id).ToList(), result.ToIssueForecast(result.DimensionIndex(issue.Id))))
            .ToList();
    }
}
