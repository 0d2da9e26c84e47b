namespace Parley.Core.Analysis.Claims;

/// <summary>What a model says about a claim.</summary>
public enum Verdict
{
    /// <summary>The claim holds under the model (with at least the required probability, where one is given).</summary>
    Holds,
    /// <summary>The claim fails under the model.</summary>
    Fails,
    /// <summary>The model cannot check it (qualitative claim, or a kind of check this model does not support).</summary>
    NotCheckable,
}

/// <summary>One model's verdict on one claim.</summary>
/// <param name="Model">Model id, or <c>inputs</c> for checks on the scenario's numbers alone.</param>
/// <param name="Verdict">Holds, fails, or cannot be checked.</param>
/// <param name="Probability">Share of Monte Carlo draws in which the claim holds, when draws were run; else null.</param>
/// <param name="Detail">Plain words: the numbers behind the verdict.</param>
public sealed record ModelVerdict(string Model, Verdict Verdict, double? Probability, string Detail);

/// <summary>The verdicts on one prediction.</summary>
public sealed record ClaimResult(string PredictionId, string Statement, IReadOnlyList<ModelVerdict> Verdicts);
