namespace Parley.Reports.Svg;

/// <summary>Maps a data domain [D0, D1] linearly onto a pixel range [R0, R1] (R1 may be below R0 for y axes).</summary>
internal readonly record struct LinearScale(double D0, double D1, double R0, double R1)
{
    /// <summary>The pixel coordinate of <paramref name="v"/> (not clamped).</summary>
    public double Map(double v) => D1 == D0 ? (R0 + R1) / 2 : R0 + ((v - D0) / (D1 - D0) * (R1 - R0));

    /// <summary>Evenly spaced "nice" ticks (steps of 1, 2 or 5 × 10^k) covering the domain, about <paramref name="count"/> of them.</summary>
    public IReadOnlyList<double> Ticks(int count = 5)
    {
        var span = D1 - D0;
        if (!(span > 0))
        {
            return [D0];
        }

        var raw = span / Math.Max(1, count);
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = mag * (raw / mag < 1.5 ? 1 : raw / mag < 3 ? 2 : raw / mag < 7 ? 5 : 10);
        var first = Math.Ceiling(D0 / step) * step;
        var ticks = new List<double>();
        for (var k = 0; k < 100; k++)
        {
            var t = first + (k * step);
            if (t > D1 + (1e-9 * span))
            {
                break;
            }

            ticks.Add(Math.Abs(t) < 1e-12 * span ? 0 : t);
        }

        return ticks;
    }
}
