using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parley.Core.Scenarios;
using Parley.Formats.Syntax;

namespace Parley.Formats.Writing;

/// <summary>
/// Writes a scenario as Parley YAML that loads back to an equal scenario (every number in shortest round-trip
/// form, every text double-quoted unless it is a plain identifier). A scale inferred from a CSV is written out,
/// so it reads back as declared. Stateless and thread-safe.
/// </summary>
public static partial class ScenarioWriter
{
    /// <summary>The schema comment for files in <c>scenarios/</c>, read by the YAML language server.</summary>
    public const string SchemaComment = "# yaml-language-server: $schema=../schema/scenario.schema.json";

    /// <summary>The scenario as YAML; <paramref name="header"/> (e.g. <see cref="SchemaComment"/>) goes on the first line when given.</summary>
    public static string ToYaml(Scenario scenario, string? header = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var w = new Writer();
        if (header is not null)
        {
            w.Line(0, header);
        }

        w.Pair(0, "id", Str(scenario.Id));
        w.Pair(0, "name", Str(scenario.Name));
        w.Pair(0, "schemaVersion", "1");
        Metadata(w, scenario.Metadata);
        w.Key(0, "issues");
        foreach (var issue in scenario.Issues)
        {
            w.Item(1);
            w.Pair(2, "id", Str(issue.Id));
            w.Pair(2, "name", Str(issue.Name));
            w.Opt(2, "description", issue.Description);
            if (!issue.ScaleDeclared || issue.ScaleLow != 0 || issue.ScaleHigh != 100)
            {
                w.Pair(2, "scale", $"[{Num(issue.ScaleLow)}, {Num(issue.ScaleHigh)}]");
            }

            Anchors(w, issue.Anchors);
            if (issue.StatusQuo is { } sq)
            {
                w.Pair(2, "statusQuo", Est(sq));
            }

            w.Opt(2, "statusQuoNote", issue.StatusQuoNote);
            Evidence(w, 2, issue.Evidence);
        }

        w.Key(0, "actors");
        foreach (var actor in scenario.Actors)
        {
            w.Item(1);
            ActorBody(w, 2, actor);
        }

        if (scenario.NotModelled.Count > 0)
        {
            w.Key(0, "notModelled");
            foreach (var n in scenario.NotModelled)
            {
                w.Item(1);
                w.Pair(2, "name", Str(n.Name));
                w.Pair(2, "reason", Str(n.Reason));
            }
        }

        w.Key(0, "values");
        foreach (var v in scenario.Values)
        {
            w.Item(1);
            w.Pair(2, "actor", Str(v.ActorId));
            ValueBody(w, 2, v);
        }

        if (scenario.Variants.Count > 0)
        {
            w.Key(0, "variants");
            foreach (var variant in scenario.Variants)
            {
                w.Item(1);
                w.Pair(2, "id", Str(variant.Id));
                w.Pair(2, "name", Str(variant.Name));
                w.Opt(2, "description", variant.Description);
                Evidence(w, 2, variant.Evidence);
                Deltas(w, 2, "deltas", variant.Deltas);
            }
        }

        if (scenario.Predictions.Count > 0)
        {
            w.Key(0, "predictions");
            foreach (var p in scenario.Predictions)
            {
                w.Item(1);
                w.Pair(2, "id", Str(p.Id));
                w.Pair(2, "statement", Str(p.Statement));
                Texts(w, 2, "quotes", p.Quotes);
                if (p.Check is not null)
                {
                    w.Key(2, "check");
                    Json(w, 3, p.Check);
                }

                w.Opt(2, "note", p.Note);
            }
        }

        if (scenario.Recommendations.Count > 0)
        {
            w.Key(0, "recommendations");
            foreach (var r in scenario.Recommendations)
            {
                w.Item(1);
                w.Pair(2, "id", Str(r.Id));
                w.Pair(2, "number", r.Number.ToString(CultureInfo.InvariantCulture));
                w.Pair(2, "by", Str(r.By));
                w.Opt(2, "target", r.Target);
                w.Pair(2, "text", Str(r.Text));
                Texts(w, 2, "quotes", r.Quotes);
                w.Opt(2, "evaluateIn", r.EvaluateIn);
                Deltas(w, 2, "moves", r.Moves);
                w.Opt(2, "expectedEffect", r.ExpectedEffect);
            }
        }

        return w.ToString();
    }

    /// <summary>Writes <see cref="ToYaml"/>'s text to <paramref name="path"/> as UTF-8 without BOM.</summary>
    public static void WriteFile(Scenario scenario, string path, string? header = null) =>
        File.WriteAllText(path, ToYaml(scenario, header), new UTF8Encoding(false));

    private static void Metadata(Writer w, ScenarioMetadata m)
    {
        if (m.Title is null && m.Source is null && m.Date is null && m.Authors.Count == 0 && m.References.Count == 0
            && m.QuoteConvention is null && m.Conventions.Count == 0 && m.Notes is null)
        {
            return;
        }

        w.Key(0, "metadata");
        w.Opt(1, "title", m.Title);
        w.Opt(1, "source", m.Source);
        w.Opt(1, "date", m.Date);
        Texts(w, 1, "authors", m.Authors);
        Texts(w, 1, "references", m.References);
        w.Opt(1, "quoteConvention", m.QuoteConvention);
        if (m.Conventions.Count > 0)
        {
            w.Key(1, "conventions");
            foreach (var (key, value) in m.Conventions)
            {
                w.Pair(2, Key(key), Str(value));
            }
        }

        w.Opt(1, "notes", m.Notes);
    }

    private static void Anchors(Writer w, IReadOnlyList<Anchor> anchors)
    {
        if (anchors.Count == 0)
        {
            return;
        }

        w.Key(2, "anchors");
        if (anchors.Select(a => a.Value).Distinct().Count() == anchors.Count)
        {
            foreach (var a in anchors)
            {
                w.Pair(3, Num(a.Value), Str(a.Label));
            }
        }
        else
        {
            // Repeated points cannot be mapping keys; the list form keeps them for the validator to report.
            foreach (var a in anchors)
            {
                w.Item(3);
                w.Pair(4, "value", Num(a.Value));
                w.Pair(4, "label", Str(a.Label));
            }
        }
    }

    private static void ActorBody(Writer w, int indent, Actor actor)
    {
        w.Pair(indent, "id", Str(actor.Id));
        w.Pair(indent, "name", Str(actor.Name));
        w.Opt(indent, "description", actor.Description);
        Evidence(w, indent, actor.Evidence);
    }

    private static void ValueBody(Writer w, int indent, ActorIssueValue v)
    {
        w.Pair(indent, "issue", Str(v.IssueId));
        w.Pair(indent, "position", Est(v.Position));
        w.Pair(indent, "salience", Est(v.Salience));
        w.Pair(indent, "capability", Est(v.Capability));
        Evidence(w, indent, v.Evidence);
    }

    private static void Deltas(Writer w, int indent, string key, IReadOnlyList<Delta> deltas)
    {
        if (deltas.Count == 0)
        {
            w.Pair(indent, key, "[]");
            return;
        }

        w.Key(indent, key);
        foreach (var delta in deltas)
        {
            w.Item(indent + 1);
            var i = indent + 2;
            switch (delta)
            {
                case SetValueDelta set:
                    w.Pair(i, "op", "set");
                    w.Pair(i, "actor", Str(set.ActorId));
                    w.Pair(i, "issue", Str(set.IssueId));
                    w.Pair(i, "field", set.Field.ToString().ToLowerInvariant());
                    w.Pair(i, "value", Est(set.Value));
                    break;
                case RenameActorDelta rename:
                    w.Pair(i, "op", "rename-actor");
                    w.Pair(i, "actor", Str(rename.ActorId));
                    w.Pair(i, "name", Str(rename.Name));
                    break;
                case AddActorDelta add:
                    w.Pair(i, "op", "add-actor");
                    w.Key(i, "actor");
                    ActorBody(w, i + 1, add.Actor);
                    if (add.Values.Count > 0)
                    {
                        w.Key(i, "values");
                        foreach (var v in add.Values)
                        {
                            w.Item(i + 1);
                            w.Pair(i + 2, "issue", Str(v.IssueId));
                            ValueBodyWithoutIssue(w, i + 2, v);
                        }
                    }

                    break;
                case RemoveActorDelta remove:
                    w.Pair(i, "op", "remove-actor");
                    w.Pair(i, "actor", Str(remove.ActorId));
                    break;
                default:
                    throw new NotSupportedException($"Cannot write delta type {delta.GetType().Name}.");
            }
        }
    }

    private static void ValueBodyWithoutIssue(Writer w, int indent, ActorIssueValue v)
    {
        w.Pair(indent, "position", Est(v.Position));
        w.Pair(indent, "salience", Est(v.Salience));
        w.Pair(indent, "capability", Est(v.Capability));
        Evidence(w, indent, v.Evidence);
    }

    private static void Evidence(Writer w, int indent, Evidence e)
    {
        if (e.IsEmpty)
        {
            return;
        }

        w.Key(indent, "evidence");
        w.Opt(indent + 1, "source", e.Source);
        Texts(w, indent + 1, "quotes", e.Quotes);
        w.Opt(indent + 1, "note", e.Note);
    }

    private static void Texts(Writer w, int indent, string key, IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return;
        }

        w.Key(indent, key);
        foreach (var t in texts)
        {
            w.Line(indent + 1, "- " + Str(t));
        }
    }

    private static void Json(Writer w, int indent, JsonObject o)
    {
        foreach (var (key, node) in o)
        {
            switch (node)
            {
                case JsonObject inner:
                    w.Key(indent, Key(key));
                    Json(w, indent + 1, inner);
                    break;
                case JsonArray array when array.Any(x => x is JsonObject or JsonArray):
                    w.Key(indent, Key(key));
                    foreach (var item in array)
                    {
                        if (item is JsonObject io)
                        {
                            w.Item(indent + 1);
                            w.Continue();
                            Json(w, indent + 2, io);
                        }
                        else
                        {
                            w.Line(indent + 1, "- " + Scalar(item));
                        }
                    }

                    break;
                case JsonArray array:
                    w.Pair(indent, Key(key), "[" + string.Join(", ", array.Select(Scalar)) + "]");
                    break;
                default:
                    w.Pair(indent, Key(key), Scalar(node));
                    break;
            }
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => Str(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v => v.ToJsonString(),
        _ => Str(node.ToJsonString()),
    };

    private static string Est(Estimate e) => e.IsPoint
        ? Num(e.Mode)
        : $"{{low: {Num(e.Low)}, mode: {Num(e.Mode)}, high: {Num(e.High)}}}";

    /// <summary>A number in YAML: shortest round-trip decimal, or .nan / .inf.</summary>
    internal static string Num(double v) => v switch
    {
        double.NaN => ".nan",
        double.PositiveInfinity => ".inf",
        double.NegativeInfinity => "-.inf",
        _ => v.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Key(string key) => Str(key);

    /// <summary>A text in YAML: bare when it is a plain identifier that YAML reads back as the same text, else double-quoted.</summary>
    internal static string Str(string s)
    {
        if (SafePlain().IsMatch(s) && !YamlNodeParser.IsNumber(s)
            && s is not ("null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "~"))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF')
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    // Texts starting with a digit (dates such as 2024-12-06) are quoted: YAML 1.1 tools would read them as timestamps.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.+/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlain();

    /// <summary>Line-oriented block YAML with list items whose first key goes on the dash's line.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private bool _pendingDash;

        public void Line(int indent, string text)
        {
            if (_pendingDash)
            {
                _sb.Append(text).Append('\n');
                _pendingDash = false;
                return;
            }

            _sb.Append(' ', indent * 2).Append(text).Append('\n');
        }

        public void Item(int indent)
        {
            _sb.Append(' ', indent * 2).Append("- ");
            _pendingDash = true;
        }

        /// <summary>After <see cref="Item"/>: the next line goes on the dash's line regardless of its indent.</summary>
        public void Continue() => _pendingDash = true;

        public void Key(int indent, string key) => Line(indent, key + ":");

        public void Pair(int indent, string key, string value) => Line(indent, $"{key}: {value}");

        public void Opt(int indent, string key, string? value)
        {
            if (value is not null)
            {
                Pair(indent, key, Str(value));
            }
        }

        public override string ToString() => _sb.ToString();
    }
}
