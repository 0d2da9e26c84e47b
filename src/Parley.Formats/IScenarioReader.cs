using Parley.Core.Scenarios;

namespace Parley.Formats;

/// <summary>
/// Turns one file format into a <see cref="Scenario"/>. The extension point for further formats: register an
/// implementation through <see cref="ScenarioLoadOptions.Readers"/>. A reader reports structural problems (syntax,
/// types, missing fields) and records where each field sits in <see cref="ScenarioReadResult.SourceMap"/>; the
/// loader then runs <see cref="Parley.Core.Scenarios.Validation.ScenarioValidator"/> and places its problems by
/// that map. Implementations must be stateless and thread-safe.
/// </summary>
public interface IScenarioReader
{
    /// <summary>Short format name for messages, e.g. <c>YAML</c>.</summary>
    string FormatName { get; }

    /// <summary>
    /// True when this reader should read the file, judged by its name (extension) and its first bytes
    /// (up to 1024; fewer for a short file; a UTF-8 byte order mark is not removed).
    /// </summary>
    bool CanRead(string fileName, ReadOnlySpan<byte> firstBytes);

    /// <summary>
    /// Reads the whole file. Never throws for bad content: problems go into the result, and the scenario is
    /// returned (with placeholders where values were unusable) whenever its shape could be recovered, so that
    /// semantic checks still run and the user sees every problem at once.
    /// </summary>
    /// <param name="content">The file's bytes (size already checked).</param>
    /// <param name="fileName">The name shown in messages.</param>
    /// <param name="options">Load options (e.g. <see cref="ScenarioLoadOptions.Scale"/>).</param>
    ScenarioReadResult Read(ReadOnlyMemory<byte> content, string fileName, ScenarioLoadOptions options);
}

/// <summary>What a reader produced.</summary>
/// <param name="Scenario">The scenario, or null when nothing usable could be built.</param>
/// <param name="Problems">Structural problems, each with its location.</param>
/// <param name="SourceMap">Where each field is, for placing the validator's problems.</param>
public sealed record ScenarioReadResult(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems, ScenarioSourceMap SourceMap);
