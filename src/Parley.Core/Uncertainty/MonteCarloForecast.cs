namespace Parley.Core.Uncertainty;

/// <summary>One model's forecast on one issue: the deterministic value at the modes and the simulated distribution.</summary>
/// <param name="IssueId">The issue.</param>
/// <param name="ModelId">The model's <see cref="Models.IIssueModel.Id"/>.</param>
/// <param name="Deterministic">The model's forecast with every value at its mode (native units).</param>
/// <param name="Distribution">The outcomes over the draws.</param>
public sealed record IssueOutcome(string IssueId, string ModelId, double Deterministic, OutcomeDistribution Distribution);

/// <summary>The result of <see cref="MonteCarloEngine.Run"/>. Immutable.</summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="Variant">The applied variant, or null for the baseline.</param>
/// <param name="Options">The options used (seed, draws, distribution...).</param>
/// <param name="Outcomes">One per issue × model, issues in scenario order, models in the given order.</param>
public sealed record MonteCarloForecast(string ScenarioId, string? Variant, MonteCarloOptions Options, IReadOnlyList<IssueOutcome> Outcomes)
{
    /// <summary>The outcome of <paramref name="modelId"/> on <paramref name="issueId"/>, or null.</summary>
    public IssueOutcome? Find(string issueId, string modelId) =>
        Outcomes.FirstOrDefault(o => o.IssueId == issueId && o.ModelId == modelId);
}
