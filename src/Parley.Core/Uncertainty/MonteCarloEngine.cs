using Parley.Core.Models;
using Parley.Core.Scenarios;

namespace Parley.Core.Uncertainty;

/// <summary>
/// Propagates the low/mode/high ranges of a scenario through single-issue models by Monte Carlo simulation.
/// </summary>
/// <remarks>
/// Draw d of a run samples every ranged value of every participating actor on an issue; the value of
/// (actor, issue, field) in draw d comes from a counter-based stream keyed by (seed, d, FNV-1a of actor/issue/field).
/// Hence: results are bit-identical whatever the thread count or machine; and draw d of two variants uses the same
/// random numbers for the same (actor, issue, field), so variant differences can be taken draw by draw.
/// Each worker owns one <see cref="IssueInput"/> and one solver per model and fills them in place: the per-draw loop
/// allocates nothing. Thread-safe: <see cref="Run"/> may be called concurrently.
/// </remarks>
public sealed class MonteCarloEngine
{
    // Draws per work item: large enough to amortise scheduling, small enough to balance two to many cores.
    private const int ChunkSize = 128;

    /// <summary>Creates an engine with <paramref name="options"/> (validated here).</summary>
    public MonteCarloEngine(MonteCarloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options of every run.</summary>
    public MonteCarloOptions Options { get; }

    /// <summary>
    /// Runs every model on every selected issue (issues where no actor takes part are skipped) and returns the
    /// deterministic forecasts and the outcome distributions.
    /// </summary>
    /// <param name="scenario">The scenario, with a variant already applied if wanted.</param>
    /// <param name="models">The models, each run on the same draws.</param>
    /// <param name="progress">Optional; receives the completed share in [0, 1]. Reports come from worker threads and may arrive out of order; show the largest seen.</param>
    /// <param name="cancellationToken">Stops the run between chunks of draws.</param>
    /// <exception cref="KeyNotFoundException">An issue id in the options is not in the scenario.</exception>
    public MonteCarloForecast Run(Scenario scenario, IReadOnlyList<IIssueModel> models, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(models);
        var issueIds = Options.IssueIds ?? scenario.Issues.Select(i => i.Id).ToList();
        var samplers = issueIds
            .Select(id => new IssueSampler(scenario, id))
            .Where(s => s.ActorCount > 0)
            .ToList();
        var modelArray = models.ToArray();
        var tracker = new ProgressTracker(progress, (long)samplers.Count * Options.Draws);
        var outcomes = new List<IssueOutcome>();
        foreach (var sampler in samplers)
        {
            var results = Simulate(sampler, modelArray, tracker, cancellationToken);
            var modes = sampler.CreateInput();
            for (var m = 0; m < modelArray.Length; m++)
            {
                var deterministic = modelArray[m].Run(modes).Value;
                var distribution = new OutcomeDistribution(results[m], Options.Seed, sampler.Issue.ScaleLow, sampler.Issue.ScaleHigh, Options.HistogramBins, Options.Quantiles, Options.Thresholds);
                outcomes.Add(new IssueOutcome(sampler.Issue.Id, modelArray[m].Id, deterministic, distribution));
            }
        }

        progress?.Report(1.0);
        return new MonteCarloForecast(scenario.Id, scenario.AppliedVariant, Options, outcomes);
    }

    /// <summary>Raw draws of each model on one issue: result[m][d] is model m's outcome in draw d.</summary>
    internal double[][] Simulate(IssueSampler sampler, IIssueModel[] models, ProgressTracker? tracker, CancellationToken cancellationToken)
    {
        var draws = Options.Draws;
        var results = new double[models.Length][];
        for (var m = 0; m < models.Length; m++)
        {
            results[m] = new double[draws];
        }

        var chunks = (draws + ChunkSize - 1) / ChunkSize;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(
            0,
            chunks,
            parallel,
            () => new MonteCarloWorker(sampler, models, Options.Seed, Options.Distribution),
            (c, _, worker) =>
            {
                var from = c * ChunkSize;
                var to = Math.Min(draws, from + ChunkSize);
                worker.Run(from, to, results);
                tracker?.Add(to - from);
                return worker;
            },
            _ => { });
        return results;
    }
}

/// <summary>
/// One worker's scratch state: an input buffer and a solver per model. <see cref="Run"/> allocates nothing.
/// Not thread-safe.
/// </summary>
internal sealed class MonteCarloWorker
{
    private readonly IssueSampler _sampler;
    private readonly IIssueSolver[] _solvers;
    private readonly IssueInput _input;
    private readonly ulong _seed;
    private readonly SamplingDistribution _distribution;

    public MonteCarloWorker(IssueSampler sampler, IIssueModel[] models, ulong seed, SamplingDistribution distribution)
    {
        _sampler = sampler;
        _seed = seed;
        _distribution = distribution;
        _input = sampler.CreateInput();
        _solvers = new IIssueSolver[models.Length];
        for (var m = 0; m < models.Length; m++)
        {
            _solvers[m] = models[m].CreateSolver(sampler.ActorCount);
        }
    }

    /// <summary>Draws [from, to) and writes model m's outcome of draw d to results[m][d].</summary>
    public void Run(int from, int to, double[][] results)
    {
        for (var d = from; d < to; d++)
        {
            _sampler.Fill(_input, _seed, d, _distribution);
            for (var m = 0; m < _solvers.Length; m++)
            {
                results[m][d] = _solvers[m].Solve(_input);
            }
        }
    }
}

/// <summary>Counts completed draws across workers and reports whole-percent steps.</summary>
internal sealed class ProgressTracker(IProgress<double>? progress, long total)
{
    private long _done;
    private long _lastPercent = -1;

    public void Add(long count)
    {
        if (progress is null || total <= 0)
        {
            return;
        }

        var done = Interlocked.Add(ref _done, count);
        var percent = done * 100 / total;
        var last = Interlocked.Read(ref _lastPercent);
        if (percent > last && Interlocked.CompareExchange(ref _lastPercent, percent, last) == last)
        {
            progress.Report((double)done / total);
        }
    }
}
