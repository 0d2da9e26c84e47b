using System.Text;
using Parley.Core.Scenarios;
using Parley.Core.Scenarios.Validation;
using Parley.Formats.Readers;

using Parley.Formats.Interchange;

namespace Parley.Formats;

/// <summary>
/// Loads a scenario from YAML, JSON or flat CSV (or any format of a reader in
/// <see cref="ScenarioLoadOptions.Readers"/>), validates it with <see cref="ScenarioValidator"/>, and either
/// returns it or throws <see cref="ScenarioLoadException"/> listing every problem, each with file:line:column,
/// field path, the bad value and what is allowed. Stateless and thread-safe.
/// </summary>
public static class ScenarioLoader
{
    private const int SniffLength = 1024;

    /// <summary>The built-in readers, in the order they are asked after any extra readers.</summary>
    public static IReadOnlyList<IScenarioReader> BuiltInReaders { get; } =
        [new JsonScenarioReader(), ForeignScenarioReader.KtabXml, ForeignScenarioReader.KtabCsv, ForeignScenarioReader.Decide, new CsvScenarioReader(), new YamlScenarioReader()];

    /// <summary>Loads the file at <paramref name="path"/>; its size is checked before it is read.</summary>
    /// <exception cref="ScenarioLoadException">The file is missing, too large, malformed or invalid.</exception>
    public static Scenario LoadFile(string path, ScenarioLoadOptions? options = null) =>
        LoadBytes(ReadFile(path, options), path, options);

    /// <summary>
    /// The bytes of the file at <paramref name="path"/>, its size checked against the limit before it is read; for
    /// callers that keep the source (the run store) and then call <see cref="LoadBytes"/> on the same bytes.
    /// </summary>
    /// <exception cref="ScenarioLoadException">The file is missing, too large or unreadable.</exception>
    public static byte[] ReadFile(string path, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ScenarioLoadOptions.Default;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw Fail(path, $"no such file (looked for {info.FullName})");
        }

        if (info.Length > options.MaxBytes)
        {
            throw Fail(path, $"the file is {info.Length:N0} bytes; scenario files may be at most {options.MaxBytes:N0} bytes");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw Fail(path, $"cannot read the file: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw Fail(path, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>Loads a scenario from text; <paramref name="fileName"/> picks the format and names it in messages.</summary>
    /// <exception cref="ScenarioLoadException">The text is malformed or invalid.</exception>
    public static Scenario LoadText(string text, string fileName, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LoadBytes(Encoding.UTF8.GetBytes(text), fileName, options);
    }

    /// <summary>Loads a scenario from raw bytes (UTF-8 expected, checked strictly).</summary>
    /// <exception cref="ScenarioLoadException">The content is too large, not UTF-8, malformed or invalid.</exception>
    public static Scenario LoadBytes(ReadOnlyMemory<byte> content, string fileName, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= ScenarioLoadOptions.Default;
        if (content.Length > options.MaxBytes)
        {
            throw Fail(fileName, $"the content is {content.Length:N0} bytes; scenario files may be at most {options.MaxBytes:N0} bytes");
        }

        var reader = ReaderFor(fileName, content.Span[..Math.Min(content.Length, SniffLength)], options);
        var result = reader.Read(content, fileName, options);
        var problems = result.Problems.ToList();
        if (result.Scenario is not null)
        {
            foreach (var p in ScenarioValidator.Validate(result.Scenario))
            {
                if (!result.SourceMap.IsReported(p.Pointer))
                {
                    problems.Add(new ScenarioProblem(result.SourceMap.Locate(p.Pointer), p.Path, p.Message));
                }
            }
        }
        else if (problems.Count == 0)
        {
            problems.Add(new ScenarioProblem(new SourceLocation(fileName, 0, 0), string.Empty, $"the {reader.FormatName} reader produced no scenario"));
        }

        if (problems.Count > 0)
        {
            // File order reads best; the sort is stable, so problems at one spot keep the order they were found in.
            throw new ScenarioLoadException(problems.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column).ToList());
        }

        return result.Scenario!;
    }

    /// <summary>The reader that will read <paramref name="fileName"/>: the first extra or built-in reader that accepts it.</summary>
    public static IScenarioReader ReaderFor(string fileName, ReadOnlySpan<byte> firstBytes, ScenarioLoadOptions? options = null)
    {
        options ??= ScenarioLoadOptions.Default;
        foreach (var reader in options.Readers)
        {
            if (reader.CanRead(fileName, firstBytes))
            {
                return reader;
            }
        }

        foreach (var reader in BuiltInReaders)
        {
            if (reader.CanRead(fileName, firstBytes))
            {
                return reader;
            }
        }

        // Unreachable with the built-ins (YAML takes anything unrecognised), kept for clarity.
        return BuiltInReaders[^1];
    }

    private static ScenarioLoadException Fail(string file, string message) =>
        new([new ScenarioProblem(new SourceLocation(file, 0, 0), string.Empty, message)]);
}
