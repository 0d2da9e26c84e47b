using System.Globalization;
using System.Text;
using Parley.Core.Scenarios;

namespace Parley.Formats.Decide;

/// <summary>
/// Writes a scenario in the Decide input format (';'-separated, every line with the same number of fields):
/// <c>#O</c> title, <c>#A</c> per actor, <c>#P</c> and its <c>#M</c> scale points per issue, <c>#D</c> per value
/// (salience written as a 0–1 fraction). Each value's estimate contributes its mode.
/// </summary>
public static class DecideWriter
{
    private const char Delimiter = ';';
    private const int Width = 7;

    /// <summary>The Decide text for <paramref name="scenario"/>.</summary>
    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sb = new StringBuilder();
        if (scenario.Metadata.Title is { Length: > 0 } title)
        {
            Line(sb, "#O", title);
        }

        foreach (var a in scenario.Actors)
        {
            Line(sb, "#A", a.Id, a.Name, a.Description ?? string.Empty);
        }

        foreach (var i in scenario.Issues)
        {
            Line(sb, "#P", i.Id, i.Name, i.Description ?? string.Empty);
            var points = i.Anchors.Select(x => (x.Value, x.Label)).ToList();

            // The scale is [min, max] of the #M points, so make sure both ends are among them
            // (a [0, 100] scale needs none: it is the default).
            var defaultScale = points.Count == 0 && i.ScaleLow == 0 && i.ScaleHigh == 100;
            if (!defaultScale)
            {
                if (!points.Any(p => p.Value <= i.ScaleLow))
                {
                    points.Insert(0, (i.ScaleLow, string.Empty));
                }

                if (!points.Any(p => p.Value >= i.ScaleHigh))
                {
                    points.Add((i.ScaleHigh, string.Empty));
                }
            }

            // Ascending: the Decide reader mishandles a later, lower point.
            foreach (var (value, label) in points.OrderBy(p => p.Value))
            {
                Line(sb, "#M", i.Id, Number(value), label);
            }
        }

        foreach (var a in scenario.Actors)
        {
            foreach (var i in scenario.Issues)
            {
                var v = scenario.FindValue(a.Id, i.Id);
                if (v is null)
                {
                    continue;
                }

                var salience = (decimal)v.Salience.Mode / 100m;
                Line(sb, "#D", a.Id, i.Id, Number(v.Position.Mode), salience.ToString(CultureInfo.InvariantCulture), Number(v.Capability.Mode), v.Evidence.Note ?? string.Empty);
            }
        }

        return sb.ToString();
    }

    /// <summary>Writes <paramref name="scenario"/> to <paramref name="path"/> (UTF-8).</summary>
    public static void WriteFile(Scenario scenario, string path) => File.WriteAllText(path, Write(scenario), new UTF8Encoding(false));

    private static string Number(double value) => ((decimal)value).ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, params string[] fields)
    {
        for (var k = 0; k < Width; k++)
        {
            if (k > 0)
            {
                sb.Append(Delimiter);
            }

            if (k < fields.Length)
            {
                sb.Append(Quote(fields[k]));
            }
        }

        sb.Append('\n');
    }

    private static string Quote(string field)
    {
        var clean = field.Replace('\n', ' ').Replace('\r', ' ');
        if (clean.IndexOfAny([Delimiter, '\'', '"']) < 0 && clean.Trim() == clean)
        {
            return clean;
        }

        return "\"" + clean.Replace("\"", "\"\"") + "\"";
    }
}
