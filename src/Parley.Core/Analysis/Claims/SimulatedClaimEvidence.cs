using Parley.Core.Analysis.Advice;
using Parley.Core.Models;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;

namespace Parley.Core.Analysis.Claims;

/// <summary>
/// Claim evidence from the models themselves: forecasts at the most-likely values, Monte Carlo shares from
/// paired draws (every variant uses the same seed, so differences are paired), and eum's per-round positions.
/// Results are computed once per variant and cached. Not thread-safe.
/// </summary>
public sealed class SimulatedClaimEvidence : IClaimEvidence
{
    private readonly Scenario _baseline;
    private readonly IReadOnlyList<IIssueModel> _models;
    private readonly MonteCarloOptions? _options;
    private readonly Dictionary<string, Scenario> _scenarios = [];
    private readonly Dictionary<string, MonteCarloForecast> _simulations = [];
    private readonly Dictionary<(string Variant, string Issue, string Model), IssueForecast> _forecasts = [];

    /// <param name="baseline">The scenario as loaded.</param>
    /// <param name="models">The models to judge under.</param>
    /// <param name="options">Monte Carlo settings, or null to judge at the most-likely values only.</param>
    public SimulatedClaimEvidence(Scenario baseline, IReadOnlyList<IIssueModel> models, MonteCarloOptions? options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(models);
        _baseline = baseline;
        _models = models;
        _options = options;
        Models = models.Select(m => m.Id).ToList();
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Models { get; }

    /// <inheritdoc/>
    public Scenario Scenario(string variant)
    {
        if (!_scenarios.TryGetValue(variant, out var s))
        {
            s = variant == "baseline" ? _baseline.WithVariant("baseline") : _baseline.WithVariant(variant);
            _scenarios[variant] = s;
        }

        return s;
    }

    /// <inheritdoc/>
    public double Forecast(string variant, string issueId, string model) => Run(variant, issueId, model).Value;

    /// <inheritdoc/>
    public double? Probability(string variant, string issueId, string model, Func<double, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var d = Draws(variant, issueId, model);
        if (d is null)
        {
            return null;
        }

        var count = 0;
        foreach (var x in d.Value.Span)
        {
            if (predicate(x))
            {
                count++;
            }
        }

        return (double)count / d.Value.Length;
    }

    /// <inheritdoc/>
    public double? DifferenceProbability(string variant, string against, string issueId, string model, Func<double, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var a = Draws(variant, issueId, model);
        var b = Draws(against, issueId, model);
        if (a is null || b is null)
        {
            return null;
        }

        var count = 0;
        var sa = a.Value.Span;
        var sb = b.Value.Span;
        for (var d = 0; d < sa.Length; d++)
        {
            if (predicate(sa[d] - sb[d]))
            {
                count++;
            }
        }

        return (double)count / sa.Length;
    }

    /// <inheritdoc/>
    public IReadOnlyList<double>? ActorPath(string variant, string actorId, string issueId, string model)
    {
        var f = Run(variant, issueId, model);
        if (f.Rounds.Count <= 1)
        {
            return null;
        }

        var input = Scenario(variant).ToIssueInput(issueId);
        var index = input.ActorIds.ToList().IndexOf(actorId);
        if (index < 0)
        {
            throw new KeyNotFoundException($"Actor '{actorId}' has no value on '{issueId}'.");
        }

        return f.Rounds.Select(r => r.Positions[index]).ToList();
    }

    /// <inheritdoc/>
    public string? TopLeverTarget(string variant, string advisee, IReadOnlyList<string>? issues, string model)
    {
        var m = _models.FirstOrDefault(x => x.Id == model) ?? throw new KeyNotFoundException($"Unknown model '{model}'.");

        // Without draws the lever search still needs a sample to average gains over; use the advise default.
        return LeverSearch.TopTarget(Scenario(variant), advisee, issues, m, _options ?? new MonteCarloOptions { Draws = 2000 });
    }

    private IssueForecast Run(string variant, string issueId, string model)
    {
        if (!_forecasts.TryGetValue((variant, issueId, model), out var f))
        {
            var m = _models.FirstOrDefault(x => x.Id == model) ?? throw new KeyNotFoundException($"Unknown model '{model}'.");
            f = m.Run(Scenario(variant).ToIssueInput(issueId));
            _forecasts[(variant, issueId, model)] = f;
        }

        return f;
    }

    private ReadOnlyMemory<double>? Draws(string variant, string issueId, string model)
    {
        if (_options is null)
        {
            return null;
        }

        if (!_simulations.TryGetValue(variant, out var mc))
        {
            mc = new MonteCarloEngine(_options).Run(Scenario(variant), _models);
            _simulations[variant] = mc;
        }

        var outcome = mc.Find(issueId, model) ?? throw new KeyNotFoundException($"No simulation of '{issueId}' under '{model}'.");
        return outcome.Distribution.Draws.ToArray();
    }
}
