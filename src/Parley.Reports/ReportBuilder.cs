using Parley.Core.Forecasting;
using Parley.Core.Models;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;

namespace Parley.Reports;

/// <summary>Runs every analysis a report shows and collects the results into a <see cref="ReportInput"/>.</summary>
public static class ReportBuilder
{
    /// <summary>
    /// Forecasts, Monte Carlo distributions, tornadoes and paired variant comparisons of <paramref name="models"/>.
    /// </summary>
    /// <param name="baseline">The scenario as loaded (no variant applied): variants are compared against it.</param>
    /// <param name="variant">A variant to report on instead of the baseline, or null.</param>
    /// <param name="variantIds">Variants to compare with the baseline (empty for none).</param>
    /// <param name="models">The single-issue models, in display order.</param>
    /// <param name="options">Draws, seed and sampling of every simulation.</param>
    /// <param name="generatedOn">A date to print, or null.</param>
    /// <param name="toolVersion">The tool's version for the footer, or null.</param>
    /// <param name="cancellationToken">Stops the simulations.</param>
    /// <exception cref="KeyNotFoundException">An unknown variant.</exception>
    public static ReportInput Build(
        Scenario baseline,
        string? variant,
        IReadOnlyList<string> variantIds,
        IReadOnlyList<IIssueModel> models,
        MonteCarloOptions options,
        string? generatedOn = null,
        string? toolVersion = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variantIds);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        var scenario = baseline.WithVariant(variant);
        var forecast = ScenarioForecaster.Run(scenario, models);
        ComparisonResult? comparison = null;
        if (variantIds.Count > 0)
        {
            comparison = new VariantComparer(options).Compare(baseline, variantIds, models, null, cancellationToken);
        }

        // The comparison already simulated the baseline with the same options: reuse it when the report is on the baseline.
        var monteCarlo = comparison is not null && scenario.AppliedVariant is null
            ? comparison.Baseline
            : new MonteCarloEngine(options).Run(scenario, models, null, cancellationToken);
        var tornadoes = new List<TornadoResult>();
        foreach (var issue in forecast.Issues)
        {
            foreach (var model in models)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tornadoes.Add(TornadoAnalyzer.Run(scenario, issue.Issue.Id, model));
            }
        }

        return new ReportInput(scenario, forecast, monteCarlo, tornadoes, comparison, ModelAccuracy.Published, generatedOn, toolVersion);
    }

    /// <summary>The variants of <paramref name="scenario"/> worth comparing: all but a <c>baseline</c> without deltas.</summary>
    public static IReadOnlyList<string> ComparableVariants(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Variants.Where(v => v.Id != "baseline" || v.Deltas.Count > 0).Select(v => v.Id).ToList();
    }
}
