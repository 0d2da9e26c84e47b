using System.ComponentModel;
using System.Globalization;
using Parley.Formats;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Infrastructure;

/// <summary>Settings shared by every command that reads a scenario.</summary>
internal class ScenarioSettings : CommandSettings
{
    [CommandArgument(0, "[FILE]")]
    [Description("Scenario file (.yaml, .yml, .json, .csv) or embedded scenario id. Default: the embedded korea-2025.")]
    public string? File { get; init; }

    [CommandOption("--scale <LO,HI>")]
    [Description("Scale of a CSV scenario's issues, e.g. 4,10. Default: the range of the initial positions.")]
    public string? Scale { get; init; }

    /// <summary>The parsed --scale, or null.</summary>
    public (double Low, double High)? ParsedScale => TryParseScale(Scale, out var scale, out _) ? scale : null;

    public override ValidationResult Validate()
    {
        if (Scale is not null && !TryParseScale(Scale, out _, out var error))
        {
            return ValidationResult.Error(error);
        }

        return ValidationResult.Success();
    }

    /// <summary>Load options implied by these settings.</summary>
    public ScenarioLoadOptions LoadOptions() => new() { Scale = ParsedScale };

    private static bool TryParseScale(string? text, out (double Low, double High) scale, out string error)
    {
        scale = default;
        error = string.Empty;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var hi)
            || !double.IsFinite(lo) || !double.IsFinite(hi))
        {
            error = $"--scale '{text}' is not two numbers LO,HI (for example --scale 4,10).";
            return false;
        }

        if (hi <= lo)
        {
            error = $"--scale '{text}': HI ({hi.ToString(CultureInfo.InvariantCulture)}) must be greater than LO ({lo.ToString(CultureInfo.InvariantCulture)}).";
            return false;
        }

        scale = (lo, hi);
        return true;
    }
}
