using Parley.Core.Uncertainty;

namespace Parley.Core.Analysis.Advice;

/// <summary>Settings of the lever search and of recommendation scoring. Immutable; copy with <c>with</c>.</summary>
public sealed record AdviceOptions
{
    /// <summary>
    /// Issues whose forecasts count toward the gain (and on which levers are searched), by id; null for every issue
    /// the advisee takes part in.
    /// </summary>
    public IReadOnlyList<string>? IssueIds { get; init; }

    /// <summary>Largest total cost of a lever (see <see cref="LeverCost"/>); null for no cap. Range: &gt; 0.</summary>
    public double? Budget { get; init; }

    /// <summary>
    /// Sizes of the position shifts tried, in percent of the issue's scale span (points on a 0–100 scale).
    /// A shift never carries an actor past the point it is moved toward. Each in (0, 100]. Default 10 and 20.
    /// </summary>
    public IReadOnlyList<double> PositionShifts { get; init; } = [10, 20];

    /// <summary>Size of the salience shifts tried, salience points. Range: (0, 100]. Default 15.</summary>
    public double SalienceShift { get; init; } = 15;

    /// <summary>
    /// Pairs are formed only from the best <c>PairFromTop</c> single levers with a positive expected gain. 0 turns pairs
    /// off. Range: ≥ 0. Default 10.
    /// </summary>
    public int PairFromTop { get; init; } = 10;

    /// <summary>
    /// The Monte Carlo settings of every run: all runs share seed, draws and distribution, so draws are paired.
    /// <see cref="MonteCarloOptions.IssueIds"/> is ignored (each run picks its own issues). Default 2,000 draws.
    /// </summary>
    public MonteCarloOptions Simulation { get; init; } = new() { Draws = 2000 };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Simulation);
        Simulation.Validate();
        if (Budget is { } b && !(b > 0 && double.IsFinite(b)))
        {
            throw new ArgumentOutOfRangeException(nameof(Budget), b, $"Budget must be a finite number > 0; got {b}.");
        }

        ArgumentNullException.ThrowIfNull(PositionShifts);
        foreach (var s in PositionShifts)
        {
            if (!(s > 0 && s <= 100))
            {
                throw new ArgumentOutOfRangeException(nameof(PositionShifts), s, $"Position shifts must be in (0, 100] percent of the scale; got {s}.");
            }
        }

        if (!(SalienceShift > 0 && SalienceShift <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(SalienceShift), SalienceShift, $"Salience shift must be in (0, 100]; got {SalienceShift}.");
        }

        if (PairFromTop < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PairFromTop), PairFromTop, $"PairFromTop must be ≥ 0; got {PairFromTop}.");
        }
    }
}
