using System.ComponentModel;
using System.Globalization;
using Parley.Core.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Infrastructure;

/// <summary>Options of every command that simulates: draws, seed, distribution.</summary>
internal class UncertaintySettings : ScenarioSettings
{
    [CommandOption("--seed <S>")]
    [Description("Seed of the random draws (default 1). Same seed, same output, on any machine and thread count.")]
    public ulong Seed { get; init; } = 1;

    [CommandOption("--dist <DIST>")]
    [Description("How ranged values are drawn: triangular (default) or pert.")]
    public string Dist { get; init; } = "triangular";

    [CommandOption("--threads <N>")]
    [Description("Worker threads (default: all cores). Results do not depend on it.")]
    public int? Threads { get; init; }

    public SamplingDistribution Distribution => Dist == "pert" ? SamplingDistribution.Pert : SamplingDistribution.Triangular;

    public override ValidationResult Validate()
    {
        var b = base.Validate();
        if (!b.Successful)
        {
            return b;
        }

        if (Dist is not ("triangular" or "pert"))
        {
            return ValidationResult.Error($"--dist '{Dist}' is not known: use triangular or pert.");
        }

        if (Threads is { } t && (t < 1 || t > 1024))
        {
            return ValidationResult.Error($"--threads {t.ToString(CultureInfo.InvariantCulture)} is out of range: give 1 to 1024.");
        }

        return ValidationResult.Success();
    }

    /// <summary>Parses "5,25,75" into percent values; null for empty.</summary>
    protected static bool TryParseList(string? text, string option, double min, double max, out IReadOnlyList<double> values, out string error)
    {
        values = [];
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var list = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
            {
                error = $"{option} '{text}': '{part}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.";
                return false;
            }

            list.Add(v);
        }

        values = list;
        return true;
    }
}
