using System.Text;
using Parley.Core.Scenarios;
using Parley.Formats.Document;
using Parley.Formats.Syntax;

namespace Parley.Formats.Readers;

/// <summary>Reads the YAML form of the scenario format (<c>.yaml</c>, <c>.yml</c>, or unrecognised text).</summary>
public sealed class YamlScenarioReader : IScenarioReader
{
    /// <inheritdoc/>
    public string FormatName => "YAML";

    /// <inheritdoc/>
    public bool CanRead(string fileName, ReadOnlySpan<byte> firstBytes) =>
        TextFormat.Extension(fileName) is ".yaml" or ".yml"
        || (!TextFormat.IsKnownExtension(fileName) && TextFormat.FirstSignificant(firstBytes) is not ('{' or '['));

    /// <inheritdoc/>
    public ScenarioReadResult Read(ReadOnlyMemory<byte> content, string fileName, ScenarioLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (TextFormat.Check(content.Span, fileName, out var bom) is { } failed)
        {
            return failed;
        }

        var text = Encoding.UTF8.GetString(content.Span[bom..]);
        return DocumentFormat.Read(fileName, problems => YamlNodeParser.Parse(text, problems));
    }
}

/// <summary>Reads the JSON form of the scenario format (<c>.json</c>, or text starting with '{').</summary>
public sealed class JsonScenarioReader : IScenarioReader
{
    /// <inheritdoc/>
    public string FormatName => "JSON";

    /// <inheritdoc/>
    public bool CanRead(string fileName, ReadOnlySpan<byte> firstBytes) =>
        TextFormat.Extension(fileName) == ".json"
        || (!TextFormat.IsKnownExtension(fileName) && TextFormat.FirstSignificant(firstBytes) is '{' or '[');

    /// <inheritdoc/>
    public ScenarioReadResult Read(ReadOnlyMemory<byte> content, string fileName, ScenarioLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (TextFormat.Check(content.Span, fileName, out var bom) is { } failed)
        {
            return failed;
        }

        return DocumentFormat.Read(fileName, problems => JsonNodeParser.Parse(content.Span[bom..], problems));
    }
}

/// <summary>The part the YAML and JSON readers share: tree to scenario, syntax problems to located problems.</summary>
internal static class DocumentFormat
{
    public static ScenarioReadResult Read(string fileName, Func<List<(Mark At, string Message)>, Node?> parse)
    {
        var map = new ScenarioSourceMap(fileName);
        var syntax = new List<(Mark At, string Message)>();
        Node? root;
        try
        {
            root = parse(syntax);
        }
        catch (SyntaxException e)
        {
            return TextFormat.Fail(fileName, e.At.Line, e.At.Column, e.Message);
        }

        if (root is null)
        {
            return TextFormat.Fail(fileName, 0, 0, "the file is empty (only comments or white space); a scenario needs at least id, issues, actors and values");
        }

        var (scenario, problems) = DocumentReader.Read(root, map, TextFormat.Stem(fileName));
        foreach (var (at, message) in syntax)
        {
            problems.Add(new ScenarioProblem(new SourceLocation(fileName, at.Line, at.Column), string.Empty, message));
        }

        return new ScenarioReadResult(scenario, problems, map);
    }
}
