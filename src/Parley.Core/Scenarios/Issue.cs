namespace Parley.Core.Scenarios;

/// <summary>A labelled point on an issue's scale.</summary>
public sealed record Anchor(double Value, string Label);

/// <summary>An issue: a continuum between two ends with labelled anchor points.</summary>
/// <param name="Id">Unique id within the scenario.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">What the continuum measures.</param>
/// <param name="ScaleLow">Lower end in native units (default 0).</param>
/// <param name="ScaleHigh">Upper end in native units (default 100).</param>
/// <param name="ScaleDeclared">False when the scale was inferred from the positions (a CSV without <c>--scale</c>).</param>
/// <param name="Anchors">Labelled points, ascending.</param>
/// <param name="StatusQuo">Where things stand now, if it is a point on the continuum.</param>
/// <param name="StatusQuoNote">Why the status quo is (or is not) where it is.</param>
/// <param name="Evidence">Why this issue is in the scenario.</param>
public sealed record Issue(
    string Id,
    string Name,
    string? Description,
    double ScaleLow,
    double ScaleHigh,
    bool ScaleDeclared,
    IReadOnlyList<Anchor> Anchors,
    Estimate? StatusQuo,
    string? StatusQuoNote,
    Evidence Evidence)
{
    /// <summary>
    /// Describes <paramref name="value"/> by the anchors around it: the anchor's label when it sits on one
    /// (within 1% of the scale), else "between A and B", else "below A" / "above B".
    /// </summary>
    public string PlaceAmongAnchors(double value)
    {
        if (Anchors.Count == 0)
        {
            return string.Empty;
        }

        var tolerance = 0.01 * Math.Max(ScaleHigh - ScaleLow, double.Epsilon);
        var sorted = Anchors.OrderBy(a => a.Value).ToList();
        foreach (var a in sorted)
        {
            if (Math.Abs(a.Value - value) <= tolerance)
            {
                return $"at \"{ShortLabel(a.Label)}\"";
            }
        }

        if (value < sorted[0].Value)
        {
            return $"below \"{ShortLabel(sorted[0].Label)}\"";
        }

        for (var k = 1; k < sorted.Count; k++)
        {
            if (value < sorted[k].Value)
            {
                return $"between \"{ShortLabel(sorted[k - 1].Label)}\" and \"{ShortLabel(sorted[k].Label)}\"";
            }
        }

        return $"above \"{ShortLabel(sorted[^1].Label)}\"";
    }

    /// <summary>
    /// An anchor label cut at its first colon, semicolon or parenthesis, and to at most 48 characters at a word
    /// boundary: "Arms control: caps…" → "Arms control".
    /// </summary>
    public static string ShortLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var cut = label.IndexOfAny([':', ';', '(']);
        var text = (cut > 0 ? label[..cut] : label).Trim().TrimEnd(',');
        if (text.Length <= 48)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', 47);
        return (space > 20 ? text[..space] : text[..47]).TrimEnd(',', ' ') + "…";
    }
}
