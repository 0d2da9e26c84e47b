namespace Parley.Formats.Syntax;

/// <summary>1-based line and column of a node's first character.</summary>
internal readonly record struct Mark(int Line, int Column);

/// <summary>
/// A parsed document node with its position: the common tree that the YAML and JSON front ends produce, so that
/// one reader turns either into a scenario with the same messages.
/// </summary>
internal abstract class Node(Mark start)
{
    public Mark Start { get; } = start;

    /// <summary>"a mapping", "a list", "a number", ... for "expected X, got Y" messages.</summary>
    public abstract string Describe();
}

/// <summary>A mapping, entries in file order (duplicate keys are reported by the parser and dropped).</summary>
internal sealed class MapNode(Mark start) : Node(start)
{
    public List<KeyValuePair<ScalarNode, Node>> Entries { get; } = [];

    public override string Describe() => "a mapping";
}

/// <summary>A sequence.</summary>
internal sealed class SeqNode(Mark start) : Node(start)
{
    public List<Node> Items { get; } = [];

    public override string Describe() => "a list";
}

/// <summary>How a scalar resolves (YAML 1.2 core schema for plain scalars; JSON token types).</summary>
internal enum ScalarKind
{
    String,
    Number,
    Bool,
    Null,
}

/// <summary>A scalar: its text as written and how it resolves.</summary>
internal sealed class ScalarNode(Mark start, string text, ScalarKind kind) : Node(start)
{
    public string Text { get; } = text;

    public ScalarKind Kind { get; } = kind;

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Number => $"the number {Text}",
        ScalarKind.Bool => $"the boolean {Text}",
        _ => $"'{Shorten(Text)}'",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}

/// <summary>A syntax error with its position, raised by the front ends.</summary>
internal sealed class SyntaxException(Mark at, string message) : Exception(message)
{
    public Mark At { get; } = at;
}
