using Parley.Core.Models;
using Parley.Core.Scenarios;

namespace Parley.Core.Forecasting;

/// <summary>Every model's forecast on every issue of one scenario (one variant).</summary>
/// <param name="Scenario">The scenario as run (variant applied).</param>
/// <param name="Variant">The variant id, or null for the baseline.</param>
/// <param name="Issues">One entry per issue, in scenario order.</param>
public sealed record ScenarioForecast(Scenario Scenario, string? Variant, IReadOnlyList<IssueForecasts> Issues);

/// <summary>The models' forecasts on one issue.</summary>
/// <param name="Issue">The issue.</param>
/// <param name="Input">The input the single-issue models saw (modes; abstaining actors left out).</param>
/// <param name="Forecasts">One per model, in the order the models were given.</param>
public sealed record IssueForecasts(Issue Issue, IssueInput Input, IReadOnlyList<IssueForecast> Forecasts);
