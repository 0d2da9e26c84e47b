using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Parley.Core.Forecasting;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Storage;
using Parley.Web.Api;
using Parley.Web.Scenarios;

namespace Parley.Web.Runs;

/// <summary>
/// Runs forecasts for the web app: resolves the scenario, records the run in the store before computing
/// (<see cref="RunStore.BeginRun"/>), calls Core, and stores the results. No model logic lives here. Thread-safe;
/// at most <see cref="MaxConcurrentRuns"/> runs compute at once, the rest wait their turn.
/// </summary>
public sealed class RunService(ScenarioCatalog catalog)
{
    /// <summary>Draws used when a request gives none.</summary>
    public const int DefaultDraws = 1000;

    /// <summary>Runs computing at the same time; more wait, so a burst of requests cannot exhaust the machine.</summary>
    public static readonly int MaxConcurrentRuns = Math.Max(2, Environment.ProcessorCount);

    private readonly SemaphoreSlim _gate = new(MaxConcurrentRuns, MaxConcurrentRuns);

    /// <summary>The engine version stored with every run (the Parley.Web assembly version).</summary>
    public static string EngineVersion { get; } =
        typeof(RunService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Checks <paramref name="request"/>, runs it and returns the stored run (succeeded).</summary>
    /// <param name="request">What to run.</param>
    /// <param name="command">How the run was asked for, stored with it (e.g. <c>POST /api/runs</c>).</param>
    /// <param name="cancellationToken">Stops the simulation; the run is then stored as failed.</param>
    /// <exception cref="WebInputException">The request is invalid or over a limit.</exception>
    /// <exception cref="ScenarioLoadException">An inline scenario has problems.</exception>
    public async Task<RunRecord> RunAsync(RunRequest request, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var draws = CheckDraws(request.Draws ?? DefaultDraws, allowZero: true);
        var modelIds = ModelIds.Resolve(request.Models);
        var seed = request.Seed ?? 1;
        var source = ResolveSource(request);
        var scenario = ApplyVariant(source.Scenario, request.Variant);
        var variant = scenario.AppliedVariant;

        var hash = catalog.Store.SaveScenario(source.Text, source.Format, source.Scenario.Id, source.Scenario.Name);
        var run = catalog.Store.BeginRun(new NewRun
        {
            ScenarioHash = hash,
            Variant = variant,
            Models = modelIds,
            ParametersJson = "{\"distribution\":\"triangular\"}",
            Seed = draws == 0 ? null : unchecked((long)seed),
            Draws = draws == 0 ? null : draws,
            EngineVersion = EngineVersion,
            Command = command,
        });

        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            string json;
            try
            {
                json = Compute(scenario, source.Scenario.Name, hash, modelIds, draws, seed, cancellationToken).ToJson();
            }
            finally
            {
                _gate.Release();
            }

            return catalog.Store.CompleteRun(run.Id, json);
        }
        catch (Exception ex)
        {
            catalog.Store.FailRun(run.Id, ex is OperationCanceledException ? "The run was cancelled." : ex.Message);
            throw;
        }
    }

    /// <summary>Compares variants with the baseline by paired draws (not stored).</summary>
    public async Task<ComparisonResult> CompareAsync(CompareRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var draws = CheckDraws(request.Draws ?? DefaultDraws, allowZero: false);
        var models = ModelIds.Create(ModelIds.Resolve(request.Models));
        if (string.IsNullOrWhiteSpace(request.ScenarioId))
        {
            throw new WebInputException("Missing scenario", "Give scenarioId: a scenario id or a stored version hash.");
        }

        var scenario = catalog.Get(request.ScenarioId).Scenario;
        var variants = request.Variants is { Count: > 0 } v ? v.Distinct(StringComparer.Ordinal).ToList() : scenario.Variants.Select(x => x.Id).ToList();
        if (variants.Count == 0)
        {
            throw new WebInputException("No variants", $"Scenario '{scenario.Id}' has no variants to compare.");
        }

        if (variants.Count > WebLimits.MaxCompareVariants)
        {
            throw WebInputException.OverLimit("The number of variants", variants.Count, WebLimits.MaxCompareVariants);
        }

        foreach (var id in variants)
        {
            ApplyVariant(scenario, id);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var options = new MonteCarloOptions { Draws = draws, Seed = request.Seed ?? 1 };
            return new VariantComparer(options).Compare(scenario, variants, models, null, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The results of <paramref name="modelIds"/> on <paramref name="scenario"/> (variant already applied): a pure
    /// function of its arguments, so a stored web run can be recomputed and compared byte for byte via <see cref="RunResults.ToJson"/>.
    /// </summary>
    public static RunResults Compute(Scenario scenario, string name, string hash, IReadOnlyList<string> modelIds, int draws, ulong seed, CancellationToken cancellationToken)
    {
        var models = ModelIds.Create(modelIds);
        var forecast = ScenarioForecaster.Run(scenario, models);
        MonteCarloForecast? mc = null;
        if (draws > 0)
        {
            mc = new MonteCarloEngine(new MonteCarloOptions { Draws = draws, Seed = seed }).Run(scenario, models, null, cancellationToken);
        }

        var issues = forecast.Issues.Select(i => new IssueResult(
            i.Issue.Id,
            i.Issue.Name,
            i.Issue.ScaleLow,
            i.Issue.ScaleHigh,
            i.Forecasts.Select(f => new ModelResult(f.Model, f.Value, Summary(mc?.Find(i.Issue.Id, f.Model)))).ToList())).ToList();
        return new RunResults(scenario.Id, name, hash, scenario.AppliedVariant, modelIds, draws, seed, issues);
    }

    private static OutcomeSummary? Summary(IssueOutcome? outcome)
    {
        if (outcome is null)
        {
            return null;
        }

        var d = outcome.Distribution;
        return new OutcomeSummary(d.Mean, d.StandardDeviation, d.Min, d.Max, d.P10, d.P50, d.P90, d.Histogram.Edges.ToArray(), d.Histogram.Counts.ToArray());
    }

    private ScenarioSource ResolveSource(RunRequest request)
    {
        var given = (request.ScenarioId is null ? 0 : 1) + (request.ScenarioText is null ? 0 : 1) + (request.Scenario is null ? 0 : 1);
        if (given != 1)
        {
            throw new WebInputException("Which scenario?", "Give exactly one of scenarioId (an id or stored version hash), scenarioText (YAML or JSON text) or scenario (a JSON object).");
        }

        if (request.ScenarioId is { } id)
        {
            return catalog.Get(id);
        }

        if (request.ScenarioText is { } text)
        {
            return ScenarioCatalog.Parse(text, request.ScenarioFormat ?? "yaml", ScenarioOrigin.Inline);
        }

        var element = request.Scenario!.Value;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WebInputException("Invalid scenario", $"'scenario' must be a JSON object in Parley's scenario format; got {element.ValueKind.ToString().ToLowerInvariant()}.");
        }

        return ScenarioCatalog.Parse(element.GetRawText(), "json", ScenarioOrigin.Inline);
    }

    /// <summary>The scenario with <paramref name="variant"/> applied (null or <c>baseline</c>: unchanged).</summary>
    /// <exception cref="WebInputException">The scenario has no such variant.</exception>
    public static Scenario ApplyVariant(Scenario scenario, string? variant)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (string.IsNullOrEmpty(variant))
        {
            return scenario;
        }

        try
        {
            return scenario.WithVariant(variant);
        }
        catch (KeyNotFoundException)
        {
            var known = scenario.Variants.Count == 0 ? "this scenario has none" : string.Join(", ", scenario.Variants.Select(v => v.Id));
            throw new WebInputException("Unknown variant", $"Variant '{variant}' is not a variant of scenario '{scenario.Id}'. Known variants: {known}.");
        }
    }

    private static int CheckDraws(int draws, bool allowZero)
    {
        if (draws > WebLimits.MaxDraws)
        {
            throw WebInputException.OverLimit("draws", draws, WebLimits.MaxDraws);
        }

        var min = allowZero ? 0 : 1;
        if (draws < min)
        {
            throw new WebInputException("Invalid draws", string.Create(CultureInfo.InvariantCulture, $"draws is {draws}; give {min} to {WebLimits.MaxDraws}."));
        }

        return draws;
    }
}
