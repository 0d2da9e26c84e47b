using System.Globalization;

namespace Parley.Reports.Svg;

/// <summary>Invariant-culture number formatting for SVG attributes and labels.</summary>
internal static class Num
{
    /// <summary>A coordinate: at most two decimals, invariant culture, no negative zero.</summary>
    public static string C(double v)
    {
        var r = Math.Round(v, 2);
        return (r == 0 ? 0 : r).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A value on an issue's scale, with a precision that suits the scale's span.</summary>
    public static string OnScale(double value, double span)
    {
        var format = span > 20 ? "0.0" : span > 2 ? "0.00" : "0.000";
        var s = value.ToString(format, CultureInfo.InvariantCulture);
        return s.StartsWith('-') && s.Trim('-', '0', '.').Length == 0 ? s[1..] : s;
    }

    /// <summary>A signed difference (+1.5, −0.3) with a true minus sign.</summary>
    public static string Signed(double value, double span)
    {
        var s = OnScale(Math.Abs(value), span);
        var zero = s.Trim('0', '.').Length == 0;
        return zero ? s : (value > 0 ? "+" : "\u2212") + s;
    }

    /// <summary>A plain number with up to three decimals.</summary>
    public static string Plain(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A share as a whole percentage.</summary>
    public static string Percent(double share) => (100 * share).ToString("0", CultureInfo.InvariantCulture) + "%";
}
