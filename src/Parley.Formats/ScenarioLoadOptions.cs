namespace Parley.Formats;

/// <summary>How to load a scenario file. Immutable; copy with <c>with</c>.</summary>
public sealed record ScenarioLoadOptions
{
    /// <summary>The default: 10 MB limit, scales inferred for CSV, built-in readers only.</summary>
    public static ScenarioLoadOptions Default { get; } = new();

    /// <summary>
    /// Scale (low, high) for formats without a declared scale (flat CSV; the CLI's <c>--scale LO,HI</c>).
    /// When null, such an issue's scale is the range of its initial (mode) positions.
    /// </summary>
    public (double Low, double High)? Scale { get; init; }

    /// <summary>Largest file accepted, in bytes; checked before reading. Default 10 MB.</summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>
    /// Extra readers (KTAB, Decide, ...), asked before the built-in YAML, JSON and CSV readers. The first whose
    /// <see cref="IScenarioReader.CanRead"/> answers true reads the file.
    /// </summary>
    public IReadOnlyList<IScenarioReader> Readers { get; init; } = [];
}
