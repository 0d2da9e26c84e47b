using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parley.Formats.Syntax;

/// <summary>
/// Builds a <see cref="Node"/> tree from YAML parser events (not the representation model, which keeps no
/// duplicate keys and costs an extra tree). Plain scalars resolve by the YAML 1.2 core schema.
/// </summary>
internal static partial class YamlNodeParser
{
    /// <summary>Parses the first document; null when the text holds no document (empty or only comments).</summary>
    /// <exception cref="SyntaxException">Malformed YAML, with the parser's position.</exception>
    public static Node? Parse(string text, List<(Mark At, string Message)> problems)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, anchors, problems);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                problems.Add((ToMark(second.Start), "a second YAML document ('---'); a scenario file holds one document"));
            }

            return root;
        }
        catch (YamlException e)
        {
            throw new SyntaxException(ToMark(e.Start), $"YAML syntax error: {CleanMessage(e.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; the last event read is the
            // best position available.
            var at = parser.Current is { } current ? ToMark(current.Start) : new Mark(1, 1);
            throw new SyntaxException(at, "YAML syntax error: the parser could not continue after this point (an unclosed '[' or '{' is a common cause)");
        }
    }

    private static Node ReadNode(IParser parser, Dictionary<string, Node> anchors, List<(Mark, string)> problems)
    {
        var ev = parser.Current ?? throw new InvalidOperationException("Parser has no current event.");
        switch (ev)
        {
            case Scalar scalar:
            {
                parser.MoveNext();
                var node = new ScalarNode(ToMark(scalar.Start), scalar.Value, Resolve(scalar));
                Remember(scalar.Anchor, node, anchors);
                return node;
            }

            case SequenceStart start:
            {
                parser.MoveNext();
                var seq = new SeqNode(ToMark(start.Start));
                Remember(start.Anchor, seq, anchors);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    seq.Items.Add(ReadNode(parser, anchors, problems));
                }

                return seq;
            }

            case MappingStart start:
            {
                parser.MoveNext();
                var map = new MapNode(ToMark(start.Start));
                Remember(start.Anchor, map, anchors);
                var keys = new HashSet<string>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, anchors, problems);
                    var value = ReadNode(parser, anchors, problems);
                    if (keyNode is not ScalarNode key)
                    {
                        problems.Add((keyNode.Start, "a mapping key must be a plain name, not " + keyNode.Describe()));
                        continue;
                    }

                    if (!keys.Add(key.Text))
                    {
                        problems.Add((key.Start, $"duplicate key '{key.Text}' in this mapping; the later one is ignored"));
                        continue;
                    }

                    map.Entries.Add(new(key, value));
                }

                return map;
            }

            case AnchorAlias alias:
            {
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                throw new SyntaxException(ToMark(alias.Start), $"unknown alias '*{alias.Value.Value}'");
            }

            default:
                throw new SyntaxException(ToMark(ev.Start), $"unexpected {ev.GetType().Name}");
        }
    }

    private static void Remember(AnchorName anchor, Node node, Dictionary<string, Node> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static ScalarKind Resolve(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }

        var t = scalar.Value;
        if (t.Length == 0 || t is "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }

        if (t is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return ScalarKind.Bool;
        }

        return IsNumber(t) ? ScalarKind.Number : ScalarKind.String;
    }

    /// <summary>YAML 1.2 core-schema numbers: decimal, octal (0o), hex (0x), .inf and .nan.</summary>
    internal static bool IsNumber(string t) => NumberPattern().IsMatch(t);

    /// <summary>The value of a core-schema number (see <see cref="IsNumber"/>).</summary>
    internal static double ToDouble(string t)
    {
        switch (t)
        {
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
        }

        if (t.StartsWith("0x", StringComparison.Ordinal) || t.StartsWith("0o", StringComparison.Ordinal))
        {
            // Accumulated in a double: digits beyond 2^53 lose precision rather than overflow.
            var radix = t[1] == 'x' ? 16 : 8;
            var value = 0.0;
            foreach (var c in t.AsSpan(2))
            {
                value = (value * radix) + Convert.ToInt32(c.ToString(), 16);
            }

            return value;
        }

        return double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static Mark ToMark(YamlDotNet.Core.Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the location is reported separately.
    private static string CleanMessage(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
