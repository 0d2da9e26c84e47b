using Spectre.Console;

namespace Parley.Cli.Infrastructure;

/// <summary>
/// Where a command writes: <see cref="Console"/> for human output (tables, progress), <see cref="Out"/> for
/// machine output (JSON, CSV) written byte-for-byte, and <see cref="Error"/> for problems (plain text, never wrapped, so messages stay greppable).
/// Injected so that tests can capture all three.
/// </summary>
internal sealed record CliIo(IAnsiConsole Console, TextWriter Out, TextWriter Error)
{
    /// <summary>True when standard output is a terminal (progress bars are shown only then).</summary>
    public bool Interactive { get; init; }

    /// <summary>The run store's database when --db is not given (from PARLEY_DB); null for the user's data folder.</summary>
    public string? DatabasePath { get; init; }
}
