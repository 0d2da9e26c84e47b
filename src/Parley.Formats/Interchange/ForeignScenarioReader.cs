using System.Text;
using Parley.Core.Scenarios;
using Parley.Formats.Decide;
using Parley.Formats.Ktab;

namespace Parley.Formats.Interchange;

/// <summary>
/// Adapts a reader of another tool's format (KTAB, Decide) to <see cref="IScenarioReader"/>, so that such files are
/// accepted wherever a scenario file is. Their readers report every problem with file:line themselves; the
/// validator's findings on the converted scenario are placed at the file.
/// </summary>
public sealed class ForeignScenarioReader : IScenarioReader
{
    private readonly Func<string, string, bool> _canRead;
    private readonly Func<string, string, Scenario> _read;

    private ForeignScenarioReader(string formatName, Func<string, string, bool> canRead, Func<string, string, Scenario> read)
    {
        FormatName = formatName;
        _canRead = canRead;
        _read = read;
    }

    /// <summary>KTAB's SMP CSV (first line: name, description, actor count, dimension count).</summary>
    public static ForeignScenarioReader KtabCsv { get; } = new("KTAB CSV", KtabCsvReader.CanRead, (text, file) => KtabCsvReader.ReadScenario(text, file));

    /// <summary>KTAB's SMP XML scenario.</summary>
    public static ForeignScenarioReader KtabXml { get; } = new("KTAB XML", LooksLikeKtabXml, (text, file) => KtabXmlReader.ReadScenario(text, file));

    /// <summary>The Decide exchange model's <c>#A/#P/#D</c> text format, any delimiter.</summary>
    public static ForeignScenarioReader Decide { get; } = new("Decide", LooksLikeDecide, (text, file) => DecideReader.ReadScenario(text, file));

    /// <inheritdoc/>
    public string FormatName { get; }

    /// <inheritdoc/>
    public bool CanRead(string fileName, ReadOnlySpan<byte> firstBytes)
    {
        var text = Encoding.UTF8.GetString(firstBytes);
        return _canRead(fileName, text);
    }

    /// <inheritdoc/>
    public ScenarioReadResult Read(ReadOnlyMemory<byte> content, string fileName, ScenarioLoadOptions options)
    {
        var map = new ScenarioSourceMap(fileName);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content.Span).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            return new ScenarioReadResult(null, [new ScenarioProblem(new SourceLocation(fileName, 0, 0), string.Empty, $"the file is not UTF-8 ({ex.Message}). Save it as UTF-8.")], map);
        }

        try
        {
            return new ScenarioReadResult(_read(text, fileName), [], map);
        }
        catch (ScenarioLoadException ex)
        {
            return new ScenarioReadResult(null, ex.Problems, map);
        }
    }

    /// <summary>
    /// Only the first kilobyte is seen here, where a Decide file's actor records (#A) come first: the first record
    /// decides, and the full reader checks the rest.
    /// </summary>
    private static bool LooksLikeDecide(string fileName, string text)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is ".xml" or ".yaml" or ".yml" or ".json")
        {
            return false;
        }

        var first = text.Split('\n').Select(l => l.Trim().TrimStart('\uFEFF')).FirstOrDefault(l => l.Length > 0);
        if (first is null)
        {
            return false;
        }

        var tag = first.TrimStart('\'', '"');
        return tag.Length >= 2 && tag[0] == '#' && "APMDO/".Contains(tag[1], StringComparison.Ordinal)
            && (tag.Length == 2 || tag[2] is ';' or ',' or '\t' or ' ' or '\'' or '"');
    }

    /// <summary>An XML document whose root element is KTAB's <c>Scenario</c> (the full reader checks the rest).</summary>
    private static bool LooksLikeKtabXml(string fileName, string text)
    {
        var t = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return t.StartsWith('<') && t.Contains("<Scenario", StringComparison.Ordinal);
    }
}
