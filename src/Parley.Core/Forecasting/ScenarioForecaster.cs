using Parley.Core.Models;
using Parley.Core.Scenarios;

namespace Parley.Core.Forecasting;

/// <summary>Runs a set of models over every issue of a scenario at the most-likely values.</summary>
public static class ScenarioForecaster
{
    /// <summary>
    /// Runs <paramref name="issueModels"/> on each issue separately and <paramref name="scenarioModels"/> on the
    /// scenario as a whole. Issues nobody has a value on are skipped (the validator reports them).
    /// </summary>
    public static ScenarioForecast Run(Scenario scenario, IReadOnlyList<IIssueModel> issueModels, IReadOnlyList<IScenarioModel>? scenarioModels = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(issueModels);
        scenarioModels ??= [];
        var whole = scenarioModels.Select(m => m.Run(scenario)).ToList();
        var issues = new List<IssueForecasts>(scenario.Issues.Count);
        for (var k = 0; k < scenario.Issues.Count; k++)
        {
            var issue = scenario.Issues[k];
            var input = scenario.ToIssueInput(issue.Id);
            if (input.Count == 0)
            {
                continue;
            }

            var forecasts = new List<IssueForecast>(issueModels.Count + whole.Count);
            foreach (var model in issueModels)
            {
                forecasts.Add(model.Run(input.Clone()));
            }

            foreach (var result in whole)
            {
                forecasts.Add(result[k]);
            }

            issues.Add(new IssueForecasts(issue, input, forecasts));
        }

        return new ScenarioForecast(scenario, scenario.AppliedVariant, issues);
    }
}
