namespace Parley.Reports.Charts;

/// <summary>The report's restrained palette: one colour per model, greys for everything else.</summary>
public static class Palette
{
    /// <summary>The hex colour of <paramref name="modelId"/>; models beyond the known three cycle through spare colours.</summary>
    public static string Model(string modelId) => modelId switch
    {
        "compromise" => "#1f4e79",
        "median" => "#b7791f",
        "eum" => "#9b2c2c",
        "smp" => "#2f6b4f",
        "exchange" => "#5b4a8b",
        _ => "#4a5568",
    };

    /// <summary>Ink for text and axes.</summary>
    public const string Ink = "#1a202c";

    /// <summary>Grey for actors and secondary marks.</summary>
    public const string Actor = "#718096";

    /// <summary>Light grey for grid lines.</summary>
    public const string Grid = "#e2e8f0";

    /// <summary>Highlight for the status quo.</summary>
    public const string StatusQuo = "#2f855a";

    /// <summary>The model's CSS class suffix (only letters, digits and dashes).</summary>
    public static string ModelClass(string modelId) =>
        "m-" + new string(modelId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
