using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Claims;

/// <summary>What the claim checker needs from the models: forecasts, Monte Carlo shares and dynamic paths.</summary>
public interface IClaimEvidence
{
    /// <summary>Model ids to judge claims under, in display order.</summary>
    IReadOnlyList<string> Models { get; }

    /// <summary>The scenario with <paramref name="variant"/> applied (<c>baseline</c> = as loaded).</summary>
    Scenario Scenario(string variant);

    /// <summary>The model's forecast at the most-likely values.</summary>
    double Forecast(string variant, string issueId, string model);

    /// <summary>Share of Monte Carlo draws whose outcome satisfies <paramref name="predicate"/>; null when no draws are run.</summary>
    double? Probability(string variant, string issueId, string model, Func<double, bool> predicate);

    /// <summary>Share of paired draws whose difference (variant − against) satisfies <paramref name="predicate"/>; null without draws.</summary>
    double? DifferenceProbability(string variant, string against, string issueId, string model, Func<double, bool> predicate);

    /// <summary>The actor's position in every round of a dynamic model (round 0 first); null for one-shot models.</summary>
    IReadOnlyList<double>? ActorPath(string variant, string actorId, string issueId, string model);

    /// <summary>
    /// The actor on whom the advisee's best single lever acts (see <c>parley advise</c>), restricted to
    /// <paramref name="issues"/> when given; null when no lever gains anything.
    /// </summary>
    string? TopLeverTarget(string variant, string advisee, IReadOnlyList<string>? issues, string model);
}
