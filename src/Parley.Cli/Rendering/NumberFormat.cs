using System.Globalization;
using Parley.Core.Scenarios;

namespace Parley.Cli.Rendering;

/// <summary>Formats numbers for tables with a precision that suits the issue's scale.</summary>
internal static class NumberFormat
{
    public static string OnScale(Issue issue, double value)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var span = issue.ScaleHigh - issue.ScaleLow;
        var format = span > 20 ? "0.0" : span > 2 ? "0.00" : "0.000";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Plain(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);
}
