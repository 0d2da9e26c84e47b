namespace Parley.Core.Models.Exchange;

/// <summary>
/// A double estimate <see cref="V"/> of a real value together with a rigorous bound <see cref="E"/> on its
/// absolute error (running error analysis: every operation propagates its operands' bounds to first and second
/// order and adds its own rounding, 2·2⁻⁵³·|result|). Used to settle the exchange model's decisions (validity,
/// caps, branch choices, gain order) in double arithmetic whenever the value is clearly on one side of the boundary.
/// </summary>
/// <remarks>
/// The 28-digit decimal evaluation of the same formula differs from the real value by about 10⁻²⁸ relative per
/// operation, twelve orders of magnitude below what <see cref="E"/> already allows for; <see cref="Compare"/>
/// adds a factor 2 on top. An infinite or NaN bound means "unknown" and every comparison is then undecided.
/// </remarks>
internal readonly struct Approx
{
    /// <summary>Unit roundoff of binary64 (2⁻⁵³).</summary>
    private const double U = 1.1102230246251565e-16;

    /// <summary>Error of <see cref="Dec28.ToDoubleFast"/> (≤ 4u relative), doubled.</summary>
    private const double ConversionError = 8 * U;

    public Approx(double value, double error)
    {
        V = value;
        E = error;
    }

    /// <summary>The estimate.</summary>
    public double V { get; }

    /// <summary>Bound on |estimate − true value|, ≥ 0 (may be +∞).</summary>
    public double E { get; }

    public static Approx Of(Dec28 d)
    {
        var v = d.ToDoubleFast();
        return new Approx(v, ConversionError * Math.Abs(v));
    }

    /// <summary>A value that is exactly representable as a double (e.g. the 1e-10 threshold, which enters as a double).</summary>
    public static Approx Exact(double v) => new(v, 0);

    public static Approx operator +(Approx a, Approx b)
    {
        var v = a.V + b.V;
        return new Approx(v, a.E + b.E + (2 * U * Math.Abs(v)));
    }

    public static Approx operator -(Approx a, Approx b)
    {
        var v = a.V - b.V;
        return new Approx(v, a.E + b.E + (2 * U * Math.Abs(v)));
    }

    public static Approx operator -(Approx a) => new(-a.V, a.E);

    public static Approx operator *(Approx a, Approx b)
    {
        var v = a.V * b.V;
        return new Approx(v, (Math.Abs(a.V) * b.E) + (Math.Abs(b.V) * a.E) + (a.E * b.E) + (2 * U * Math.Abs(v)));
    }

    public static Approx operator /(Approx a, Approx b)
    {
        // |a/b − A/B| ≤ (|a/b|·e_b + e_a) / (|b| − e_b) when |b| > e_b; otherwise the quotient is unknown.
        var room = Math.Abs(b.V) - b.E;
        var v = a.V / b.V;
        if (!(room > 0))
        {
            return new Approx(v, double.PositiveInfinity);
        }

        return new Approx(v, (((Math.Abs(v) * b.E) + a.E) / room) + (2 * U * Math.Abs(v)));
    }

    public Approx Abs() => new(Math.Abs(V), E);

    public static Approx Min(Approx a, Approx b) => new(Math.Min(a.V, b.V), Math.Max(a.E, b.E));

    /// <summary>
    /// +1 when the true value of <paramref name="a"/> is certainly greater than that of <paramref name="b"/>,
    /// −1 when certainly smaller, 0 when the bounds cannot tell (including equality).
    /// </summary>
    public static int Compare(Approx a, Approx b)
    {
        var diff = a.V - b.V;
        var bound = 2 * (a.E + b.E);
        if (diff > bound)
        {
            return 1;
        }

        return -diff > bound ? -1 : 0;
    }

    /// <summary>True when |a − b| is certainly at least <paramref name="gap"/> (gap ≥ 0).</summary>
    public static bool CertainlyApart(Approx a, Approx b, double gap) => Math.Abs(a.V - b.V) > (2 * (a.E + b.E)) + (2 * gap);
}
