using Parley.Core.Models.Compromise;
using Parley.Core.Numerics;

namespace Parley.Core.Models;

/// <summary>
/// The traced run shared by the two static models (compromise and median): both weigh the positions by
/// capability × salience once, with no rounds, and report the weighted mean and median of round 0; they differ only
/// in which of the two is the forecast.
/// </summary>
internal static class WeightedCentre
{
    /// <summary>Which weighted centre of the positions a static model forecasts.</summary>
    public enum Kind
    {
        /// <summary>Σ cᵢ·sᵢ·xᵢ / Σ cᵢ·sᵢ.</summary>
        Mean,

        /// <summary>The weighted median (WeightedStats.Median).</summary>
        Median,
    }

    /// <summary>
    /// Validates <paramref name="input"/> and returns the forecast of <paramref name="modelId"/> with its round-0
    /// trace.
    /// </summary>
    public static IssueForecast Run(IssueInput input, string modelId, Kind forecast)
    {
        IssueInputChecks.Validate(input);
        var n = input.Count;
        var weights = new double[n];
        IssueInputChecks.FillWeights(input, weights);
        var mean = WeightedStats.Mean(input.Positions, weights);
        var median = WeightedStats.Median(input.Positions, weights, new double[WeightedStats.MedianScratchLength(n)]);
        var value = forecast == Kind.Mean ? mean : median;
        return new IssueForecast(modelId, value, [IssueInputChecks.InitialRound(input, median, mean)]);
    }
}
