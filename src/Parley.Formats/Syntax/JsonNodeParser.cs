using System.Text;
using System.Text.Json;

namespace Parley.Formats.Syntax;

/// <summary>
/// Builds a <see cref="Node"/> tree from JSON with <see cref="Utf8JsonReader"/>; line and column come from each
/// token's byte offset. Comments and trailing commas are tolerated, since scenario files are edited by hand.
/// </summary>
internal static class JsonNodeParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 128,
    };

    /// <summary>Parses UTF-8 JSON (BOM already removed); null when it holds nothing but white space.</summary>
    /// <exception cref="SyntaxException">Malformed JSON.</exception>
    public static Node? Parse(ReadOnlySpan<byte> utf8, List<(Mark At, string Message)> problems)
    {
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var root = ReadValue(ref reader, lines, utf8, problems);
            if (reader.Read())
            {
                throw new SyntaxException(lines.At(utf8, reader.TokenStartIndex), "JSON syntax error: more content after the end of the document");
            }

            return root;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new SyntaxException(new Mark(line, column), $"JSON syntax error: {Clean(e.Message)}");
        }
    }

    private static Node ReadValue(ref Utf8JsonReader reader, LineIndex lines, ReadOnlySpan<byte> utf8, List<(Mark, string)> problems)
    {
        var at = lines.At(utf8, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var map = new MapNode(at);
                var keys = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var keyAt = lines.At(utf8, reader.TokenStartIndex);
                    var key = new ScalarNode(keyAt, reader.GetString() ?? string.Empty, ScalarKind.String);
                    reader.Read();
                    var value = ReadValue(ref reader, lines, utf8, problems);
                    if (!keys.Add(key.Text))
                    {
                        problems.Add((keyAt, $"duplicate key '{key.Text}' in this object; the later one is ignored"));
                        continue;
                    }

                    map.Entries.Add(new(key, value));
                }

                return map;
            }

            case JsonTokenType.StartArray:
            {
                var seq = new SeqNode(at);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    seq.Items.Add(ReadValue(ref reader, lines, utf8, problems));
                }

                return seq;
            }

            case JsonTokenType.String:
                return new ScalarNode(at, reader.GetString() ?? string.Empty, ScalarKind.String);
            case JsonTokenType.Number:
                return new ScalarNode(at, Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Number);
            case JsonTokenType.True:
                return new ScalarNode(at, "true", ScalarKind.Bool);
            case JsonTokenType.False:
                return new ScalarNode(at, "false", ScalarKind.Bool);
            case JsonTokenType.Null:
                return new ScalarNode(at, "null", ScalarKind.Null);
            default:
                throw new SyntaxException(at, $"JSON syntax error: unexpected {reader.TokenType}");
        }
    }

    // System.Text.Json appends " LineNumber: 3 | BytePositionInLine: 4."; the position is reported separately.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }
}

/// <summary>Byte offsets of line starts, to turn a byte offset into a 1-based line and (UTF-16) column.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _starts = [0];

    public LineIndex(ReadOnlySpan<byte> utf8)
    {
        for (var k = 0; k < utf8.Length; k++)
        {
            if (utf8[k] == (byte)'\n')
            {
                _starts.Add(k + 1);
            }
        }
    }

    public Mark At(ReadOnlySpan<byte> utf8, long offset)
    {
        var o = (int)offset;
        var index = _starts.BinarySearch(o);
        var line = index >= 0 ? index : ~index - 1;
        var start = _starts[line];
        var column = Encoding.UTF8.GetCharCount(utf8[start..o]) + 1;
        return new Mark(line + 1, column);
    }
}
