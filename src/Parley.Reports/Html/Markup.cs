using System.Text;

namespace Parley.Reports.Html;

/// <summary>HTML/XML encoding of text. Only the five markup characters are escaped, so the output is valid XML as well as HTML.</summary>
internal static class Markup
{
    /// <summary>Encodes text content.</summary>
    public static string Text(string? text) => Encode(text, attribute: false);

    /// <summary>Encodes an attribute value (double-quoted).</summary>
    public static string Attr(string? text) => Encode(text, attribute: true);

    /// <summary>Wraps <paramref name="text"/> into lines of at most <paramref name="width"/> characters at spaces; at most <paramref name="maxLines"/>, the last cut with an ellipsis.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            var last = lines[^1];
            lines[^1] = (last.Length > width - 1 ? last[..(width - 1)] : last).TrimEnd(',', ' ') + "…";
        }

        return lines;
    }

    /// <summary>An actor's name without a trailing parenthetical ("Russia", not "Russia (Putin)") when it is longer than <paramref name="max"/>, then truncated.</summary>
    public static string ShortName(string name, int max)
    {
        var cut = name.IndexOf(" (", StringComparison.Ordinal);
        return Truncate(name.Length > max && cut > 0 ? name[..cut] : name, max);
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string Encode(string? text, bool attribute)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when attribute: sb.Append("&quot;"); break;
                case '\'' when attribute: sb.Append("&#39;"); break;
                // Control characters other than tab/newline are not allowed in XML; they carry no meaning in a report.
                case < ' ' and not '\t' and not '\n' and not '\r': break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
