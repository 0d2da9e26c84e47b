using System.Globalization;

namespace Parley.Core.Scenarios;

/// <summary>
/// An uncertain value: the analyst's low, most-likely (mode) and high. A point value has all three equal.
/// Invariant (checked by the scenario validator, not here, so that loaders can report every problem at once):
/// finite and low ≤ mode ≤ high.
/// </summary>
public readonly record struct Estimate(double Low, double Mode, double High)
{
    /// <summary>A point value.</summary>
    public static Estimate Exactly(double value) => new(value, value, value);

    /// <summary>True when low = mode = high.</summary>
    public bool IsPoint => Low == Mode && Mode == High;

    /// <summary>True when all three numbers are finite and ordered.</summary>
    public bool IsValid => double.IsFinite(Low) && double.IsFinite(Mode) && double.IsFinite(High) && Low <= Mode && Mode <= High;

    /// <summary>The value of <paramref name="stat"/>.</summary>
    public double Get(EstimateStat stat) => stat switch
    {
        EstimateStat.Low => Low,
        EstimateStat.Mode => Mode,
        EstimateStat.High => High,
        _ => throw new ArgumentOutOfRangeException(nameof(stat), stat, "Unknown statistic."),
    };

    /// <summary>A copy with <paramref name="stat"/> replaced.</summary>
    public Estimate With(EstimateStat stat, double value) => stat switch
    {
        EstimateStat.Low => this with { Low = value },
        EstimateStat.Mode => this with { Mode = value },
        EstimateStat.High => this with { High = value },
        _ => throw new ArgumentOutOfRangeException(nameof(stat), stat, "Unknown statistic."),
    };

    /// <inheritdoc/>
    public override string ToString() => IsPoint
        ? Mode.ToString("0.###", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Low:0.###} / {Mode:0.###} / {High:0.###}");
}

/// <summary>Which of the three numbers of an <see cref="Estimate"/>.</summary>
public enum EstimateStat
{
    Low,
    Mode,
    High,
}

/// <summary>The three numbers an actor has on an issue.</summary>
public enum ValueField
{
    /// <summary>Position on the issue's scale, native units.</summary>
    Position,
    /// <summary>Salience, 0–100.</summary>
    Salience,
    /// <summary>Capability, ≥ 0.</summary>
    Capability,
}
