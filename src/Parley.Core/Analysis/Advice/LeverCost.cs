namespace Parley.Core.Analysis.Advice;

/// <summary>
/// The cost of a move: <c>cost = |shift| / range × (0.5 + s / 100)</c>, where range is the scale span for a
/// position and 100 for a salience, and s (0–100) is the moved actor's most-likely salience on the issue before the
/// move. Moving a value across its whole range costs between 0.5 (an actor that does not care) and 1.5 (one that
/// cares fully); the cost is linear in the size of the shift. Own moves use the advisee's own salience, so conceding
/// on an issue it cares about costs more than on one it does not.
/// </summary>
public static class LeverCost
{
    /// <summary>The cost of shifting a value by <paramref name="shift"/>.</summary>
    /// <param name="shift">Signed shift, native units (position) or salience points.</param>
    /// <param name="range">Scale span for a position, 100 for a salience. Range: &gt; 0.</param>
    /// <param name="salience">The moved actor's most-likely salience on the issue. Range: 0–100.</param>
    /// <returns>A cost ≥ 0; 0 only for a zero shift.</returns>
    public static double Of(double shift, double range, double salience)
    {
        Guard.Finite(shift);
        if (!(range > 0) || !double.IsFinite(range))
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, $"Range must be a finite number > 0; got {range}.");
        }

        Guard.InRange(salience, 0, 100);
        return Math.Abs(shift) / range * (0.5 + (salience / 100));
    }
}
