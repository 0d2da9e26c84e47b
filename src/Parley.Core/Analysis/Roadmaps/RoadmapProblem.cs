using System.Globalization;
using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Roadmaps;

/// <summary>An issue as the roadmap planner sees it: its scale and where the roadmap starts.</summary>
/// <param name="Id">Issue id.</param>
/// <param name="ScaleLow">Lower end, native units.</param>
/// <param name="ScaleHigh">Upper end, native units; &gt; <paramref name="ScaleLow"/>.</param>
/// <param name="Start">Outcome before any step (status quo or a baseline forecast), within the scale.</param>
public sealed record RoadmapIssue(string Id, double ScaleLow, double ScaleHigh, double Start);

/// <summary>An actor's most-likely position and salience on one issue.</summary>
/// <param name="IssueId">Issue id.</param>
/// <param name="Position">Native units, within the scale.</param>
/// <param name="Salience">0–100; 0 means the issue does not enter the actor's utility.</param>
public sealed record ActorStance(string IssueId, double Position, double Salience);

/// <summary>An actor's stances; issues without a stance carry zero weight in its utility.</summary>
public sealed record RoadmapActor(string Id, IReadOnlyList<ActorStance> Stances);

/// <summary>
/// Everything the planner needs: issues with start outcomes, actors' stances, the step library, the beneficiary whose
/// gain is maximised and the veto players whose acceptance every stage needs. Immutable; validated on construction.
/// </summary>
public sealed class RoadmapProblem
{
    /// <summary>Most steps a library may hold (the planner represents step sets as 64-bit masks).</summary>
    public const int MaxSteps = 64;

    /// <exception cref="ArgumentException">An id is unknown or duplicated, a number is out of its domain, or the library has more than <see cref="MaxSteps"/> steps.</exception>
    public RoadmapProblem(
        IReadOnlyList<RoadmapIssue> issues,
        IReadOnlyList<RoadmapActor> actors,
        StepLibrary library,
        string beneficiary,
        IEnumerable<string> vetoPlayers,
        RoadmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(beneficiary);
        ArgumentNullException.ThrowIfNull(vetoPlayers);
        Issues = issues;
        Actors = actors;
        Library = library;
        Beneficiary = beneficiary;
        VetoPlayers = vetoPlayers.Distinct().Order(StringComparer.Ordinal).ToList();
        Options = options ?? RoadmapOptions.Default;
        var problems = Check();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
    }

    /// <summary>Issues, in display order.</summary>
    public IReadOnlyList<RoadmapIssue> Issues { get; }

    /// <summary>Actors whose utilities are reported (veto players and beneficiary among them).</summary>
    public IReadOnlyList<RoadmapActor> Actors { get; }

    /// <summary>The steps to plan with.</summary>
    public StepLibrary Library { get; }

    /// <summary>The actor whose salience-weighted gain (threat reduction) is maximised.</summary>
    public string Beneficiary { get; }

    /// <summary>Actors who must not lose at any stage (ordinal order, distinct).</summary>
    public IReadOnlyList<string> VetoPlayers { get; }

    /// <summary>Planner limits and tolerances.</summary>
    public RoadmapOptions Options { get; }

    /// <summary>
    /// Builds a problem from a scenario's most-likely values (mode of position and salience; abstaining actors get
    /// zero weight on that issue).
    /// </summary>
    /// <param name="scenario">The scenario (a variant already applied if wanted).</param>
    /// <param name="library">The steps.</param>
    /// <param name="startState">Start outcome per issue id; see <see cref="StartState"/>.</param>
    /// <param name="beneficiary">Actor id whose gain is maximised.</param>
    /// <param name="vetoPlayers">Actor ids; see <see cref="DefaultVetoPlayers"/>.</param>
    /// <param name="options">Limits; defaults when null.</param>
    public static RoadmapProblem FromScenario(
        Scenario scenario,
        StepLibrary library,
        IReadOnlyDictionary<string, double> startState,
        string beneficiary,
        IEnumerable<string> vetoPlayers,
        RoadmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(startState);
        var issues = scenario.Issues.Select(i => new RoadmapIssue(
            i.Id,
            i.ScaleLow,
            i.ScaleHigh,
            startState.TryGetValue(i.Id, out var s) ? s : throw new ArgumentException($"No start outcome for issue '{i.Id}'.", nameof(startState)))).ToList();
        var actors = scenario.Actors.Select(a => new RoadmapActor(
            a.Id,
            scenario.Issues
                .Select(i => scenario.FindValue(a.Id, i.Id))
                .OfType<ActorIssueValue>()
                .Select(v => new ActorStance(v.IssueId, v.Position.Mode, v.Salience.Mode))
                .ToList())).ToList();
        return new RoadmapProblem(issues, actors, library, beneficiary, vetoPlayers, options);
    }

    /// <summary>
    /// The start state: each issue's status quo (mode) where the scenario gives one, else <paramref name="baseline"/>'s
    /// value for it (e.g. the compromise model's forecast).
    /// </summary>
    /// <exception cref="ArgumentException">An issue has neither a status quo nor a baseline value.</exception>
    public static IReadOnlyDictionary<string, double> StartState(Scenario scenario, IReadOnlyDictionary<string, double>? baseline)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var start = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var issue in scenario.Issues)
        {
            if (issue.StatusQuo is { } sq)
            {
                start[issue.Id] = sq.Mode;
            }
            else if (baseline is not null && baseline.TryGetValue(issue.Id, out var b))
            {
                start[issue.Id] = b;
            }
            else
            {
                throw new ArgumentException($"Issue '{issue.Id}' has no status quo and no baseline value was given for it.", nameof(baseline));
            }
        }

        return start;
    }

    /// <summary>
    /// The default veto set: every owner of a step in <paramref name="library"/> (the negotiating parties) plus
    /// <paramref name="allies"/> (e.g. Japan and the ROK: "no deal without allied coordination"), ordinal order.
    /// </summary>
    public static IReadOnlyList<string> DefaultVetoPlayers(StepLibrary library, IEnumerable<string> allies)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(allies);
        return library.Owners.Concat(allies).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private List<string> Check()
    {
        var problems = new List<string>();
        var o = Options;
        if (o.MaxStages < 1 || o.MaxStepsPerPackage < 1 || o.BeamWidth < 1 || o.EnumeratedPackageLimit < 1 || o.ExactEvaluationBudget < 1 || o.ExactStateBudget < 1)
        {
            problems.Add("Options: MaxStages, MaxStepsPerPackage, BeamWidth, EnumeratedPackageLimit and the exact budgets must be at least 1.");
        }

        if (!(o.Epsilon >= 0) || !double.IsFinite(o.Epsilon))
        {
            problems.Add(F($"Options: Epsilon must be a finite number ≥ 0; got {o.Epsilon}."));
        }

        if (Library.Steps.Count > MaxSteps)
        {
            problems.Add($"The library has {Library.Steps.Count} steps; the planner handles at most {MaxSteps}.");
        }

        var issueIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in Issues)
        {
            if (!issueIds.Add(i.Id))
            {
                problems.Add($"Issue '{i.Id}' is listed twice.");
            }

            if (!(double.IsFinite(i.ScaleLow) && double.IsFinite(i.ScaleHigh) && i.ScaleHigh > i.ScaleLow))
            {
                problems.Add(F($"Issue '{i.Id}': scale [{i.ScaleLow}, {i.ScaleHigh}] must be finite with high > low."));
            }
            else if (!(i.Start >= i.ScaleLow && i.Start <= i.ScaleHigh))
            {
                problems.Add(F($"Issue '{i.Id}': start {i.Start} must lie in [{i.ScaleLow}, {i.ScaleHigh}]."));
            }
        }

        var actorIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Actors)
        {
            if (!actorIds.Add(a.Id))
            {
                problems.Add($"Actor '{a.Id}' is listed twice.");
            }

            foreach (var s in a.Stances)
            {
                var issue = Issues.FirstOrDefault(i => i.Id == s.IssueId);
                if (issue is null)
                {
                    problems.Add($"Actor '{a.Id}' has a stance on unknown issue '{s.IssueId}'.");
                }
                else if (!(s.Position >= issue.ScaleLow && s.Position <= issue.ScaleHigh) || !(s.Salience >= 0 && s.Salience <= 100))
                {
                    problems.Add(F($"Actor '{a.Id}' on '{s.IssueId}': position {s.Position} must lie in the scale and salience {s.Salience} in [0, 100]."));
                }
            }
        }

        if (!actorIds.Contains(Beneficiary))
        {
            problems.Add($"Unknown beneficiary '{Beneficiary}'. Known actors: {string.Join(", ", actorIds)}.");
        }

        foreach (var v in VetoPlayers.Where(v => !actorIds.Contains(v)))
        {
            problems.Add($"Unknown veto player '{v}'. Known actors: {string.Join(", ", actorIds)}.");
        }

        foreach (var step in Library.Steps)
        {
            if (!actorIds.Contains(step.Owner))
            {
                problems.Add($"Step '{step.Id}': unknown owner '{step.Owner}'.");
            }

            foreach (var e in step.Effects.Where(e => !issueIds.Contains(e.IssueId)))
            {
                problems.Add($"Step '{step.Id}': unknown issue '{e.IssueId}'.");
            }
        }

        return problems;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
