using Parley.Core.Scenarios;

namespace Parley.Core.Models.Smp;

/// <summary>
/// KTAB's Spatial Model of Politics (spec smp.md): actors challenge each other, bargain over multi-dimensional positions and
/// adopt the bargain (or status quo) most likely to win an election, turn by turn, until positions stop moving.
/// Immutable and thread-safe; <see cref="Run(SmpInput)"/> uses all cores and its results do not depend on their number.
/// </summary>
public sealed class SmpModel
{
    /// <summary>Creates a model with <paramref name="options"/> (KTAB's defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SmpModel(SmpOptions? options = null)
    {
        Options = options ?? SmpOptions.Default;
        Options.Validate();
    }

    /// <summary>The options every run uses.</summary>
    public SmpOptions Options { get; }

    /// <summary>Runs SMP on <paramref name="input"/> and returns every turn's state. Time O(N³) per turn, memory O(N² + turns·N·D).</summary>
    public SmpResult Run(SmpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SmpRun(input, Options).Execute();
    }

    /// <summary>
    /// Runs SMP on a Parley scenario, mapped by <see cref="SmpInput.FromScenario"/> (issues = dimensions in scenario order,
    /// actors in scenario order). Results come back per issue through <see cref="SmpResult.DimensionIndex"/>,
    /// <see cref="SmpResult.PositionsNative"/>, <see cref="SmpResult.Outcome"/> and <see cref="SmpResult.ToIssueForecast"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An actor takes part in no issue, has salience 0 everywhere or capability 0.</exception>
    public SmpResult Run(Scenario scenario, SmpCapabilityRule capabilityRule = SmpCapabilityRule.SalienceWeightedMean, EstimateStat stat = EstimateStat.Mode) =>
        Run(SmpInput.FromScenario(scenario, capabilityRule, stat));
}
