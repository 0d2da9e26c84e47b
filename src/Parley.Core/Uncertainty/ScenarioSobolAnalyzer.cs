using System.Globalization;
using System.Text;
using Parley.Core.Models;
using Parley.Core.Numerics.Statistics;
using Parley.Core.Scenarios;

namespace Parley.Core.Uncertainty;

/// <summary>The Sobol indices of one ranged value.</summary>
/// <param name="Input">The actor × field.</param>
/// <param name="Index">Its first-order and total-effect indices with intervals.</param>
public sealed record InputSobolIndex(RangedInput Input, SobolIndex Index);

/// <summary>Variance-based sensitivity of one model's outcome on one issue.</summary>
/// <param name="IssueId">The issue.</param>
/// <param name="ModelId">The model.</param>
/// <param name="Distribution">How the inputs were sampled.</param>
/// <param name="Result">The raw analysis (input i = <see cref="Inputs"/>[i]).</param>
/// <param name="Inputs">The ranged values, in input order, with their indices.</param>
/// <param name="Ranked">The same, by total effect, largest first.</param>
/// <param name="Summary">Plain-words summary of the largest contributions.</param>
public sealed record ScenarioSobolResult(string IssueId, string ModelId, SamplingDistribution Distribution, SobolResult Result, IReadOnlyList<InputSobolIndex> Inputs, IReadOnlyList<InputSobolIndex> Ranked, string Summary);

/// <summary>
/// Sobol sensitivity of a model's outcome on one issue to every ranged value (actor × field) there: each value is a
/// function of its own independent uniform (inverse CDF for the triangular; see <see cref="EstimateSampler.FromUniform"/>),
/// point values stay at their point, and <see cref="SobolAnalyzer"/> apportions the outcome's variance among the ranged values.
/// </summary>
public static class ScenarioSobolAnalyzer
{
    /// <summary>Runs the analysis. With no ranged value on the issue the result has no inputs and says so.</summary>
    /// <exception cref="KeyNotFoundException">No such issue.</exception>
    public static ScenarioSobolResult Run(Scenario scenario, string issueId, IIssueModel model, SobolOptions options, SamplingDistribution distribution = SamplingDistribution.Triangular, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var sampler = new IssueSampler(scenario, issueId);
        var inputs = sampler.RangedInputs;
        var issue = sampler.Issue;
        if (inputs.Count == 0 || sampler.ActorCount == 0)
        {
            var empty = new SobolResult(options.BaseSamples, options.Seed, double.NaN, 0, []);
            return new ScenarioSobolResult(issueId, model.Id, distribution, empty, [], [], $"No value on {issue.Name} has a range, so the forecast does not vary.");
        }

        var actorIndex = inputs.Select(i => sampler.IndexOf(i.ActorId)).ToArray();
        UniformFunction Create()
        {
            var input = sampler.CreateInput();
            var solver = model.CreateSolver(sampler.ActorCount);
            return u =>
            {
                for (var i = 0; i < u.Length; i++)
                {
                    var r = inputs[i];
                    sampler.Set(input, actorIndex[i], r.Field, EstimateSampler.FromUniform(r.Estimate, distribution, u[i], r.Field, issue.ScaleLow, issue.ScaleHigh));
                }

                return solver.Solve(input);
            };
        }

        var result = SobolAnalyzer.Analyze(inputs.Count, Create, options, cancellationToken);
        var perInput = inputs.Select((r, i) => new InputSobolIndex(r, result.Indices[i])).ToList();
        var ranked = perInput
            .Select((x, i) => (x, i))
            .OrderByDescending(p => double.IsNaN(p.x.Index.TotalEffect) ? double.NegativeInfinity : p.x.Index.TotalEffect)
            .ThenBy(p => p.i)
            .Select(p => p.x)
            .ToList();
        return new ScenarioSobolResult(issueId, model.Id, distribution, result, perInput, ranked, Summarise(scenario, issue, model.Id, result, ranked));
    }

    /// <summary>
    /// Plain-words summary: the inputs with a total effect of at least 5%, largest first (at most five), then how much
    /// of the variance is interaction (1 − ΣS1).
    /// </summary>
    internal static string Summarise(Scenario scenario, Issue issue, string modelId, SobolResult result, IReadOnlyList<InputSobolIndex> ranked)
    {
        var ci = CultureInfo.InvariantCulture;
        if (!(result.Variance > 0))
        {
            return $"Under the {modelId} model the outcome on {issue.Name} does not vary over the ranges, so there is no variance to apportion.";
        }

        var sb = new StringBuilder();
        sb.Append(ci, $"Under the {modelId} model, the outcome on {issue.Name} varies with a standard deviation of {Math.Sqrt(result.Variance):0.##}.");
        var shown = 0;
        foreach (var x in ranked)
        {
            if (shown == 5 || !(x.Index.TotalEffect >= 0.05))
            {
                break;
            }

            var name = scenario.FindActor(x.Input.ActorId)?.Name ?? x.Input.ActorId;
            // Estimates slightly outside [0, 1] are sampling noise; the words report the clamped share.
            var s1 = Math.Clamp(x.Index.FirstOrder, 0, 1);
            sb.Append(ci, $" {name}'s {RangedInput.FieldName(x.Input.Field)} explains ~{Percent(s1)}% of the variance on its own");
            if (x.Index.TotalEffect - s1 >= 0.05)
            {
                sb.Append(ci, $" and ~{Percent(Math.Clamp(x.Index.TotalEffect, 0, 1))}% with its interactions.");
            }
            else
            {
                sb.Append('.');
            }
            shown++;
        }

        if (shown == 0)
        {
            sb.Append(" No single value accounts for as much as 5% of the variance.");
        }

        var sumS1 = ranked.Sum(x => x.Index.FirstOrder);
        if (1 - sumS1 >= 0.10)
        {
            sb.Append(ci, $" Interactions between values account for ~{Percent(1 - sumS1)}%.");
        }

        return sb.ToString();
    }

    private static string Percent(double share) => Math.Round(100 * share).ToString("0", CultureInfo.InvariantCulture);
}
