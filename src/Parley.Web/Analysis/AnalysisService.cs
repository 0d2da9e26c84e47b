using System.Globalization;
using Parley.Core.Analysis.Advice;
using Parley.Core.Analysis.Claims;
using Parley.Core.Analysis.Roadmaps;
using Parley.Core.Forecasting;
using Parley.Core.Models.Compromise;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Formats.Embedded;
using Parley.Formats.Steps;
using Parley.Web.Api;
using Parley.Web.Runs;
using Parley.Web.Scenarios;

namespace Parley.Web.Analysis;

/// <summary>
/// The three analyses for the web app (claims check, reciprocal roadmap, advice): checks the query, calls Core and
/// turns the answer into plain view records. No model logic lives here. Bad input throws
/// <see cref="WebInputException"/> (a 4xx problem-details answer).
/// </summary>
public static class AnalysisService
{
    /// <summary>Default draws of the claims check.</summary>
    public const int DefaultCheckDraws = 2000;

    /// <summary>Most draws the claims check accepts (every claim simulates each variant under each model).</summary>
    public const int MaxCheckDraws = 20_000;

    /// <summary>Default paired draws per candidate of the advice page: small so the page answers in seconds.</summary>
    public const int DefaultAdviceDraws = 500;

    /// <summary>Most draws the advice page accepts (it simulates hundreds of candidates).</summary>
    public const int MaxAdviceDraws = 5000;

    /// <summary>Levers shown.</summary>
    public const int TopLevers = 10;

    /// <summary>Checks every claim of scenario <paramref name="id"/> under compromise, median and EUM.</summary>
    /// <exception cref="WebInputException">Unknown scenario, or draws out of range.</exception>
    public static ClaimsView Check(ScenarioCatalog catalog, string id, int? draws, ulong? seed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var n = CheckDraws(draws ?? DefaultCheckDraws, MaxCheckDraws);
        var s = seed ?? 1;
        var scenario = catalog.Get(id).Scenario;
        var models = ModelIds.Create(ModelIds.All);
        var results = ClaimChecker.CheckAll(new SimulatedClaimEvidence(scenario, models, new MonteCarloOptions { Draws = n, Seed = s }));
        var claims = results.Select(r => new ClaimView(
            r.PredictionId,
            r.Statement,
            r.Verdicts.Select(v => new ClaimVerdictView(v.Model, VerdictText(v.Verdict), Finite(v.Probability), v.Detail)).ToList())).ToList();
        var columns = results.SelectMany(r => r.Verdicts.Select(v => v.Model)).Distinct(StringComparer.Ordinal).ToList();
        return new ClaimsView(scenario.Id, scenario.Name, n, s, columns, claims);
    }

    /// <summary>Plans the reciprocal roadmap of scenario <paramref name="id"/> with its embedded step library.</summary>
    /// <param name="catalog">The scenarios.</param>
    /// <param name="id">Scenario id or version hash.</param>
    /// <param name="beneficiary">Actor whose gain is maximised; null for the first recommendation's author.</param>
    /// <exception cref="WebInputException">Unknown scenario or actor, or no step library ships for the scenario (404).</exception>
    public static RoadmapView Roadmap(ScenarioCatalog catalog, string id, string? beneficiary)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var scenario = catalog.Get(id).Scenario;
        var name = scenario.Id + "-steps";
        var text = EmbeddedScenarios.ReadResource(name)
            ?? throw new WebInputException(StatusCodes.Status404NotFound, "No step library", $"Scenario '{scenario.Id}' has no step library, so there is no roadmap to plan. Step libraries ship for: {string.Join(", ", EmbeddedScenarios.Ids.Where(i => EmbeddedScenarios.ReadResource(i + "-steps") is not null))}.");
        var library = StepLibraryReader.Parse(text, EmbeddedScenarios.DisplayName(name), scenario);
        var who = string.IsNullOrWhiteSpace(beneficiary)
            ? scenario.Recommendations.Select(r => r.By).FirstOrDefault()
                ?? throw new WebInputException("Beneficiary needed", $"Scenario '{scenario.Id}' has no recommendations naming whom they are for; give ?beneficiary= one of: {ActorList(scenario)}.")
            : beneficiary;
        RequireActor(scenario, who, "beneficiary");

        var compromise = ScenarioForecaster.Run(scenario, [new CompromiseModel()]).Issues.ToDictionary(i => i.Issue.Id, i => i.Forecasts[0].Value, StringComparer.Ordinal);
        var start = RoadmapProblem.StartState(scenario, compromise);
        var veto = RoadmapProblem.DefaultVetoPlayers(library, library.Allies);
        var result = RoadmapPlanner.Plan(RoadmapProblem.FromScenario(scenario, library, start, who, veto));

        StepView Step(string stepId) => library.Find(stepId) is { } st ? new StepView(st.Id, st.Name, st.Owner) : new StepView(stepId, stepId, string.Empty);
        var stages = result.Stages.Select(st => new StageView(
            st.Number,
            st.StepIds.Select(Step).ToList(),
            st.Owners,
            st.Margins.Where(m => m.IsVetoPlayer).Select(m => new MarginView(m.ActorId, m.Margin)).ToList())).ToList();
        var blocked = result.Blockers
            .Where(b => b.Blockers.Count > 0)
            .Select(b => new BlockedStepView(Step(b.StepId), b.Blockers[0].ActorId, b.Blockers[0].Margin, b.BeneficiaryGain))
            .ToList();
        return new RoadmapView(
            scenario.Id,
            scenario.Name,
            library.Id,
            result.Beneficiary,
            result.Status == RoadmapStatus.Found ? "found" : "blocked",
            result.VetoPlayers,
            result.BeneficiaryGain,
            result.Search.ProvenOptimal,
            result.Search.Method,
            stages,
            blocked);
    }

    /// <summary>Scores the scenario's recommendations for <paramref name="actor"/> and finds its best levers.</summary>
    /// <exception cref="WebInputException">Unknown scenario or actor, missing actor, or draws out of range.</exception>
    public static AdviceView Advise(ScenarioCatalog catalog, string id, string? actor, int? draws, ulong? seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var n = CheckDraws(draws ?? DefaultAdviceDraws, MaxAdviceDraws);
        var s = seed ?? 1;
        var scenario = catalog.Get(id).Scenario;
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new WebInputException("Actor needed", $"Give ?actor= the actor to advise, one of: {ActorList(scenario)}.");
        }

        RequireActor(scenario, actor, "actor");
        var models = ModelIds.Create(ModelIds.All);
        var options = new AdviceOptions { Simulation = new MonteCarloOptions { Draws = n, Seed = s } };
        var recommendations = RecommendationScorer.Score(scenario, actor, models, options, null, cancellationToken);
        var levers = LeverSearch.Search(scenario, actor, models, options, null, cancellationToken);
        return new AdviceView(
            scenario.Id,
            scenario.Name,
            actor,
            n,
            s,
            levers.ModelIds,
            levers.IssueIds,
            recommendations.Select(r => new RecommendationView(
                r.Recommendation.Id,
                r.Recommendation.Number,
                r.Recommendation.By,
                r.Recommendation.Target,
                r.Recommendation.Text,
                r.EvaluatedIn,
                r.ModelDependent,
                r.Gains.Select(Estimate).ToList(),
                r.Effects.Where(e => e.Touched).Select(e => new EffectView(e.IssueId, e.ModelId, e.BaselineMean, Estimate(e.Change), e.Toward is null ? null : Estimate(e.Toward))).ToList())).ToList(),
            levers.SingleCount,
            levers.PairCount,
            levers.Ranked.Take(TopLevers).Select((l, k) => new LeverView(k + 1, l.Lever.Description, l.Lever.Cost, l.ExpectedGain, l.Score, l.Gains.Select(Estimate).ToList(), l.ModelsWithGain)).ToList());
    }

    /// <summary>Parses an optional whole-number query value.</summary>
    /// <exception cref="WebInputException">Not a whole number.</exception>
    public static int? ParseInt(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new WebInputException("Invalid number", $"{name} '{text}' is not a whole number.");
    }

    /// <summary>Parses an optional seed (0 to 2^64 − 1).</summary>
    /// <exception cref="WebInputException">Not a whole number in range.</exception>
    public static ulong? ParseSeed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new WebInputException("Invalid seed", $"seed '{text}' is not a whole number from 0 to {ulong.MaxValue}.");
    }

    private static int CheckDraws(int draws, int max) =>
        draws is >= 1 && draws <= max
            ? draws
            : throw new WebInputException("Draws out of range", $"draws is {draws}; give 1 to {max}.");

    private static void RequireActor(Scenario scenario, string actor, string what)
    {
        if (scenario.FindActor(actor) is null)
        {
            throw new WebInputException("Unknown actor", $"{what} '{actor}' is not an actor of scenario '{scenario.Id}'. Actors: {ActorList(scenario)}.");
        }
    }

    private static string ActorList(Scenario scenario) => string.Join(", ", scenario.Actors.Select(a => a.Id));

    private static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Holds => "holds",
        Verdict.Fails => "fails",
        _ => "not checkable",
    };

    // JSON here is strict: a NaN cannot be written, so an undefined probability becomes null.
    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;

    private static IntervalView Estimate(GainEstimate g) => new(g.ModelId, g.Mean, g.P10, g.P90, g.ProbabilityPositive);
}
