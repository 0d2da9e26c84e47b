using System.Runtime.CompilerServices;

namespace Parley.Core;

/// <summary>Argument checks with messages that name the parameter, the value and what is allowed.</summary>
internal static class Guard
{
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value must be a finite number; got {value}.");
        }

        return value;
    }

    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        // NaN fails both comparisons, so it is rejected here too.
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value should be in range [{min}-{max}]; got {value}.");
        }

        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value must be positive; got {value}.");
        }

        return value;
    }
}
