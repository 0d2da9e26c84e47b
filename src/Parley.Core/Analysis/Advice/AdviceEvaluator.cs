using Parley.Core.Models;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;

namespace Parley.Core.Analysis.Advice;

/// <summary>What the gain needs to know about one issue, from the advisee's side.</summary>
/// <param name="Issue">The issue.</param>
/// <param name="AdviseePosition">The advisee's most-likely position (native units), or null when it abstains.</param>
/// <param name="AdviseeSalience">The advisee's most-likely salience (0–100), 0 when it abstains.</param>
/// <param name="Weight">s / Σ s over the issues in scope; 0 outside the scope.</param>
internal sealed record IssueFrame(Issue Issue, double? AdviseePosition, double AdviseeSalience, double Weight)
{
    public string Id => Issue.Id;

    public double Span => Issue.ScaleHigh - Issue.ScaleLow;
}

/// <summary>One simulation: <see cref="IssueId"/> of the baseline with <see cref="Moves"/> applied.</summary>
internal sealed record IssueJob(string IssueId, IReadOnlyList<Delta> Moves);

/// <summary>
/// Simulates the baseline and changed versions of single issues on paired draws and turns them into gains.
/// Every run uses the same seed, draws and distribution, and issue i's draws depend only on issue i's values, so
/// an issue that a change does not touch has exactly the baseline's draws: it is never simulated again and its
/// difference is exactly 0. Jobs run in parallel (one job per worker; each job single-threaded), and results are
/// stored by job index, so they do not depend on the thread count.
/// </summary>
internal sealed class AdviceEvaluator
{
    private readonly MonteCarloEngine _engine;
    private readonly IIssueModel[] _models;
    private readonly int _parallelism;
    private readonly Dictionary<string, double[][]> _baseline = [];

    public AdviceEvaluator(Scenario baseline, string adviseeId, IReadOnlyList<string>? scopeIssueIds, IReadOnlyList<IIssueModel> models, MonteCarloOptions simulation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(adviseeId);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(simulation);
        if (models.Count == 0)
        {
            throw new ArgumentException("Advice needs at least one model.", nameof(models));
        }

        if (baseline.FindActor(adviseeId) is null)
        {
            throw new KeyNotFoundException($"Unknown actor '{adviseeId}'. Known actors: {string.Join(", ", baseline.Actors.Select(a => a.Id))}.");
        }

        Baseline = baseline;
        AdviseeId = adviseeId;
        _models = models.ToArray();
        _parallelism = simulation.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        _engine = new MonteCarloEngine(simulation with { MaxDegreeOfParallelism = 1, IssueIds = null });
        Frames = BuildFrames(baseline, adviseeId, scopeIssueIds);
        var participating = Frames.Where(f => baseline.ValuesOn(f.Id).Count > 0).ToList();
        var draws = Simulate(participating.Select(f => new IssueJob(f.Id, [])).ToList(), null, cancellationToken);
        for (var k = 0; k < participating.Count; k++)
        {
            _baseline[participating[k].Id] = draws[k];
        }
    }

    public Scenario Baseline { get; }

    public string AdviseeId { get; }

    public IReadOnlyList<IIssueModel> Models => _models;

    public int Draws => _engine.Options.Draws;

    /// <summary>Every issue of the scenario, in scenario order.</summary>
    public IReadOnlyList<IssueFrame> Frames { get; }

    /// <summary>The issues in scope: requested (or all) and the advisee takes part with salience &gt; 0; in scenario order.</summary>
    public IEnumerable<IssueFrame> Scope => Frames.Where(f => f.Weight > 0);

    public IssueFrame Frame(string issueId) => Frames.First(f => f.Id == issueId);

    /// <summary>Baseline draws of an issue: [model][draw]; null when no actor takes part.</summary>
    public double[][]? BaselineDraws(string issueId) => _baseline.GetValueOrDefault(issueId);

    /// <summary>Mean baseline forecast over every model and draw (native units).</summary>
    public double BaselineMean(string issueId)
    {
        var d = _baseline[issueId];
        double sum = 0;
        foreach (var m in d)
        {
            foreach (var x in m)
            {
                sum += x;
            }
        }

        return sum / (d.Length * (double)d[0].Length);
    }

    /// <summary>Runs the jobs in parallel; result[j][m][d] is model m's outcome in draw d of job j.</summary>
    public double[][][] Simulate(IReadOnlyList<IssueJob> jobs, Action? onJobDone, CancellationToken cancellationToken)
    {
        var results = new double[jobs.Count][][];
        Parallel.For(
            0,
            jobs.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            j =>
            {
                var job = jobs[j];
                var scenario = job.Moves.Count == 0 ? Baseline : Baseline.Apply(job.Moves);
                results[j] = _engine.Simulate(new IssueSampler(scenario, job.IssueId), _models, null, cancellationToken);
                onJobDone?.Invoke();
            });
        return results;
    }

    /// <summary>
    /// Per-draw gain contribution of one issue, [model][draw]: weight × (|F_base − x| − |F_new − x|) / span × 100,
    /// in salience-weighted percent of scale. All zeros when the issue is out of scope.
    /// </summary>
    public double[][] Contribution(string issueId, double[][] changed)
    {
        var frame = Frame(issueId);
        var baseline = _baseline[issueId];
        var result = new double[_models.Length][];
        for (var m = 0; m < _models.Length; m++)
        {
            var c = new double[changed[m].Length];
            if (frame.Weight > 0 && frame.AdviseePosition is { } x)
            {
                var factor = frame.Weight * 100 / frame.Span;
                for (var d = 0; d < c.Length; d++)
                {
                    c[d] = factor * (Math.Abs(baseline[m][d] - x) - Math.Abs(changed[m][d] - x));
                }
            }

            result[m] = c;
        }

        return result;
    }

    private static List<IssueFrame> BuildFrames(Scenario scenario, string adviseeId, IReadOnlyList<string>? scopeIssueIds)
    {
        if (scopeIssueIds is not null)
        {
            foreach (var id in scopeIssueIds)
            {
                if (scenario.FindIssue(id) is null)
                {
                    throw new KeyNotFoundException($"Unknown issue '{id}'. Known issues: {string.Join(", ", scenario.Issues.Select(i => i.Id))}.");
                }

                if (scenario.FindValue(adviseeId, id) is null)
                {
                    throw new KeyNotFoundException($"Actor '{adviseeId}' takes no part in issue '{id}', so it has no position to advise toward.");
                }
            }
        }

        bool InScope(string id) => scopeIssueIds is null || scopeIssueIds.Contains(id);
        var total = scenario.Issues
            .Where(i => InScope(i.Id))
            .Sum(i => scenario.FindValue(adviseeId, i.Id)?.Salience.Mode ?? 0);
        var frames = new List<IssueFrame>();
        foreach (var issue in scenario.Issues)
        {
            var v = scenario.FindValue(adviseeId, issue.Id);
            var s = v is null ? 0 : Math.Clamp(v.Salience.Mode, 0, 100);
            var weight = v is not null && InScope(issue.Id) && total > 0 && issue.ScaleHigh > issue.ScaleLow ? s / total : 0;
            frames.Add(new IssueFrame(issue, v is null ? null : Math.Clamp(v.Position.Mode, issue.ScaleLow, issue.ScaleHigh), s, weight));
        }

        return frames;
    }
}
