using System.Globalization;
using System.Text.Json.Nodes;
using Parley.Core.Scenarios;
using Parley.Core.Scenarios.Validation;
using Parley.Formats.Syntax;

namespace Parley.Formats.Document;

/// <summary>
/// Turns a parsed YAML or JSON tree into a <see cref="Scenario"/>: checks shapes, types, required and unknown keys,
/// records every field's position in the source map, and substitutes placeholders for unusable values (marked as
/// reported) so that the rest of the file is still read and validated. Single use.
/// </summary>
internal sealed class DocumentReader
{
    private readonly ScenarioSourceMap _map;
    private readonly List<ScenarioProblem> _problems = [];

    private DocumentReader(ScenarioSourceMap map)
    {
        _map = map;
    }

    /// <summary>Reads the tree; the scenario is null only when the root is not a mapping.</summary>
    public static (Scenario? Scenario, List<ScenarioProblem> Problems) Read(Node root, ScenarioSourceMap map, string defaultId)
    {
        var reader = new DocumentReader(map);
        var scenario = reader.Root(root, defaultId);
        return (scenario, reader._problems);
    }

    private Scenario? Root(Node node, string defaultId)
    {
        var at = FieldRef.Root;
        if (node is not MapNode map)
        {
            Problem(node.Start, at, $"expected a mapping with id, issues, actors and values at the top of the file, got {node.Describe()}");
            return null;
        }

        var o = Open(map, at, Keys.Root);
        var id = o.Str("id", required: true) ?? defaultId;
        var name = o.Str("name") ?? id;
        if (o.Get("schemaVersion") is { } version)
        {
            var v = Number(version, at.Key("schemaVersion"));
            if (v is { } value && value != 1)
            {
                Problem(version.Start, at.Key("schemaVersion"), $"unsupported schemaVersion {ScalarText(version)}; this version of Parley reads schemaVersion 1");
            }
        }

        var metadata = Metadata(o);
        var issues = List(o.Get("issues"), at.Key("issues"), required: true, map, (n, a, k) => Issue(n, a));
        var actors = List(o.Get("actors"), at.Key("actors"), required: true, map, (n, a, k) => Actor(n, a));
        var notModelled = List(o.Get("notModelled"), at.Key("notModelled"), required: false, map, (n, a, k) => NotModelledItem(n, a));
        var values = List(o.Get("values"), at.Key("values"), required: true, map, (n, a, k) => Value(n, a, null));
        var variants = List(o.Get("variants"), at.Key("variants"), required: false, map, (n, a, k) => Variant(n, a));
        var predictions = List(o.Get("predictions"), at.Key("predictions"), required: false, map, (n, a, k) => Prediction(n, a));
        var recommendations = List(o.Get("recommendations"), at.Key("recommendations"), required: false, map, (n, a, k) => Recommendation(n, a));
        return new Scenario(id, name, metadata, issues, actors, values, variants, predictions, recommendations, notModelled);
    }

    private ScenarioMetadata Metadata(Obj root)
    {
        string? title = null, source = null, date = null, quoteConvention = null, notes = null;
        IReadOnlyList<string> authors = [], references = [];
        var conventions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.Map("metadata", Keys.Metadata) is { } m)
        {
            title = m.Str("title");
            source = m.Str("source");
            date = m.Str("date");
            authors = m.StrList("authors");
            references = m.StrList("references");
            quoteConvention = m.Str("quoteConvention");
            notes = m.Str("notes");
            StringMap(m.Get("conventions"), m.At.Key("conventions"), conventions);
        }

        // The Korea JSON's form: a top-level source block and conventions beside it.
        if (root.Map("source", Keys.SourceBlock) is { } s)
        {
            title ??= s.Str("title");
            source ??= s.Str("reference");
            date ??= s.Str("date");
            quoteConvention ??= s.Str("quoteConvention");
            if (authors.Count == 0)
            {
                authors = s.StrList("authors");
            }
        }

        StringMap(root.Get("conventions"), root.At.Key("conventions"), conventions);
        return new ScenarioMetadata(title, source, date, authors, conventions)
        {
            QuoteConvention = quoteConvention,
            References = references,
            Notes = notes,
        };
    }

    private void StringMap(Node? node, FieldRef at, Dictionary<string, string> into)
    {
        if (node is null)
        {
            return;
        }

        Record(node, at);
        if (node is not MapNode map)
        {
            Problem(node.Start, at, $"expected a mapping of names to texts, got {node.Describe()}");
            return;
        }

        foreach (var (key, value) in map.Entries)
        {
            var kat = at.Key(key.Text);
            if (Text(value, kat) is { } text)
            {
                into[key.Text] = text;
            }
        }
    }

    private Issue Issue(Node node, FieldRef at)
    {
        var o = Item(node, at, Keys.Issue, "issue");
        if (o is null)
        {
            return new Issue(string.Empty, string.Empty, null, 0, 100, true, [], null, null, Evidence.None);
        }

        var id = o.Str("id", required: true) ?? string.Empty;
        double lo = 0, hi = 100;
        if (o.Get("scale") is { } scaleNode)
        {
            var sat = o.At.Key("scale");
            Record(scaleNode, sat);
            if (scaleNode is SeqNode seq && seq.Items.Count == 2)
            {
                lo = Number(seq.Items[0], sat.Item(0, null)) ?? double.NaN;
                hi = Number(seq.Items[1], sat.Item(1, null)) ?? double.NaN;
                if (double.IsNaN(lo) || double.IsNaN(hi))
                {
                    _map.MarkReported(sat.Pointer);
                }
            }
            else if (scaleNode is not ScalarNode { Kind: ScalarKind.Null })
            {
                Problem(scaleNode.Start, sat, $"expected [low, high] (two numbers), got {scaleNode.Describe()}");
                lo = hi = double.NaN;
            }
        }

        var anchors = new List<Anchor>();
        if (o.Get("anchors") is { } anchorsNode)
        {
            Anchors(anchorsNode, o.At.Key("anchors"), anchors);
        }

        Estimate? statusQuo = null;
        if (o.Get("statusQuo") is { } sq && sq is not ScalarNode { Kind: ScalarKind.Null })
        {
            statusQuo = Estimate(sq, o.At.Key("statusQuo"));
        }

        return new Issue(id, o.Str("name") ?? id, o.Str("description"), lo, hi, true, anchors, statusQuo, o.Str("statusQuoNote"), EvidenceOf(o));
    }

    private void Anchors(Node node, FieldRef at, List<Anchor> into)
    {
        Record(node, at);
        switch (node)
        {
            case MapNode map:
                foreach (var (key, value) in map.Entries)
                {
                    var aat = at.Item(into.Count, key.Text);
                    Record(key, aat);
                    // JSON object keys are always strings, so a numeric key text counts as a number here.
                    var v = key.Kind == ScalarKind.String && double.TryParse(key.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                        ? parsed
                        : Number(key, aat, "an anchor point (a number on the scale)");
                    var label = Text(value, aat);
                    into.Add(new Anchor(v ?? double.NaN, label ?? string.Empty));
                }

                break;
            case SeqNode seq:
                for (var k = 0; k < seq.Items.Count; k++)
                {
                    var o = Item(seq.Items[k], at.Item(k, null), Keys.Anchor, "anchor");
                    var v = o?.Num("value", required: true);
                    var label = o?.Str("label", required: true);
                    into.Add(new Anchor(v ?? double.NaN, label ?? string.Empty));
                }

                break;
            default:
                Problem(node.Start, at, $"expected a mapping of scale points to labels (e.g. 0: \"none\"), got {node.Describe()}");
                break;
        }
    }

    private Actor Actor(Node node, FieldRef at)
    {
        var o = Item(node, at, Keys.Actor, "actor");
        if (o is null)
        {
            return new Actor(string.Empty, string.Empty, null, Evidence.None);
        }

        var id = o.Str("id", required: true) ?? string.Empty;
        return new Actor(id, o.Str("name") ?? id, o.Str("description"), EvidenceOf(o));
    }

    private NotModelled NotModelledItem(Node node, FieldRef at)
    {
        var o = Item(node, at, Keys.NotModelled, "entry");
        return o is null ? new NotModelled(string.Empty, string.Empty) : new NotModelled(o.Str("name", required: true) ?? string.Empty, o.Str("reason") ?? string.Empty);
    }

    private ActorIssueValue Value(Node node, FieldRef at, string? actorOfNew)
    {
        // Name the item actor/issue (or just the issue inside add-actor) so messages read values[dprk/deal-scope].
        var label = actorOfNew is not null ? Peek(node, "issue")
            : Peek(node, "actor") is { } a ? $"{a}/{Peek(node, "issue")}"
            : null;

        var o = Item(node, new FieldRef(ReLabel(at, label), at.Pointer), Keys.Value, "value");
        if (o is null)
        {
            var nan = new Estimate(double.NaN, double.NaN, double.NaN);
            return new ActorIssueValue(actorOfNew ?? string.Empty, string.Empty, nan, nan, nan, Evidence.None);
        }

        string actor;
        if (actorOfNew is null)
        {
            actor = o.Str("actor", required: true) ?? string.Empty;
        }
        else
        {
            actor = actorOfNew;
            if (o.Str("actor") is { } given && given != actorOfNew)
            {
                Problem(o.Get("actor")!.Start, o.At.Key("actor"), $"'{given}' differs from the added actor '{actorOfNew}'; leave actor out of an added actor's values");
            }
        }

        var issue = o.Str("issue", required: true) ?? string.Empty;
        return new ActorIssueValue(actor, issue, o.Est("position"), o.Est("salience"), o.Est("capability"), EvidenceOf(o));
    }

    private Variant Variant(Node node, FieldRef at)
    {
        var o = Item(node, at, Keys.Variant, "variant");
        if (o is null)
        {
            return new Variant(string.Empty, string.Empty, null, Evidence.None, []);
        }

        var id = o.Str("id", required: true) ?? string.Empty;
        var deltas = List(o.Get("deltas"), o.At.Key("deltas"), required: false, o.Node, Delta);
        return new Variant(id, o.Str("name") ?? id, o.Str("description"), EvidenceOf(o), deltas);
    }

    private Prediction Prediction(Node node, FieldRef at)
    {
        var o = Item(node, at, Keys.Prediction, "prediction");
        if (o is null)
        {
            return new Prediction(string.Empty, string.Empty, [], null, null);
        }

        JsonObject? check = null;
        if (o.Get("check") is { } c)
        {
            var cat = o.At.Key("check");
            if (c is MapNode)
            {
                check = (JsonObject)ToJson(c, cat)!;
            }
            else if (c is not ScalarNode { Kind: ScalarKind.Null })
            {
                Problem(c.Start, cat, $"expected a mapping (the check's kind and its parameters), got {c.Describe()}");
            }
        }

        return new Prediction(o.Str("id", required: true) ?? string.Empty, o.Str("statement", required: true) ?? string.Empty, o.StrList("quotes"), check, o.Str("note"));
    }

    private Recommendation Recommendation(Node node, FieldRef at)
    {
        var o = Item(node, at, Keys.Recommendation, "recommendation");
        if (o is null)
        {
            return new Recommendation(string.Empty, 1, string.Empty, null, string.Empty, [], null, [], null);
        }

        var number = 1;
        if (o.Get("number") is { } n)
        {
            var nat = o.At.Key("number");
            if (Number(n, nat, "a whole number") is { } v)
            {
                if (v == Math.Floor(v) && v >= int.MinValue && v <= int.MaxValue)
                {
                    number = (int)v;
                }
                else
                {
                    Problem(n.Start, nat, $"expected a whole number, got {n.Describe()}");
                }
            }
        }
        else
        {
            Missing(o, "number");
        }

        var moves = List(o.Get("moves"), o.At.Key("moves"), required: false, o.Node, Delta);
        return new Recommendation(
            o.Str("id", required: true) ?? string.Empty,
            number,
            o.Str("by", required: true) ?? string.Empty,
            o.Str("target"),
            o.Str("text", required: true) ?? string.Empty,
            o.StrList("quotes"),
            o.Str("evaluateIn"),
            moves,
            o.Str("expectedEffect"));
    }

    private Delta Delta(Node node, FieldRef at, int index)
    {
        // A placeholder that changes nothing the validator would see: its problems are already reported.
        Delta Placeholder(string actor)
        {
            _map.MarkReported(at.Pointer);
            return new RenameActorDelta { ActorId = actor, Name = "?" };
        }

        if (node is not MapNode map)
        {
            Record(node, at);
            Problem(node.Start, at, $"expected a delta (a mapping with op: {string.Join(" | ", Keys.Ops)}), got {node.Describe()}");
            return Placeholder(string.Empty);
        }

        var opNode = map.Entries.FirstOrDefault(e => e.Key.Text == "op").Value;
        var op = opNode is ScalarNode s ? s.Text : null;
        string[] keys = op switch
        {
            "set" => Keys.SetDelta,
            "rename-actor" => Keys.RenameDelta,
            "add-actor" => Keys.AddDelta,
            "remove-actor" => Keys.RemoveDelta,
            _ => [],
        };
        if (keys.Length == 0)
        {
            Record(node, at);
            if (opNode is null)
            {
                Problem(map.Start, at.Key("op"), $"missing required field 'op'; allowed: {string.Join(", ", Keys.Ops)}");
            }
            else
            {
                Problem(opNode.Start, at.Key("op"), $"unknown op {opNode.Describe()}{NameSuggester.Hint(op ?? string.Empty, Keys.Ops)}; allowed: {string.Join(", ", Keys.Ops)}");
            }

            return Placeholder(string.Empty);
        }

        var o = Open(map, at, keys);
        switch (op)
        {
            case "set":
                var actor = o.Str("actor", required: true) ?? string.Empty;
                var issue = o.Str("issue", required: true) ?? string.Empty;
                var field = ValueField.Position;
                var fieldOk = false;
                if (o.Str("field", required: true) is { } f)
                {
                    fieldOk = f switch
                    {
                        "position" => true,
                        "salience" => true,
                        "capability" => true,
                        _ => false,
                    };
                    field = f switch
                    {
                        "salience" => ValueField.Salience,
                        "capability" => ValueField.Capability,
                        _ => ValueField.Position,
                    };
                    if (!fieldOk)
                    {
                        Problem(o.Get("field")!.Start, o.At.Key("field"), $"unknown field '{f}'{NameSuggester.Hint(f, Keys.Fields)}; allowed: {string.Join(", ", Keys.Fields)}");
                    }
                }

                var value = o.Est("value");
                return fieldOk ? new SetValueDelta { ActorId = actor, IssueId = issue, Field = field, Value = value } : Placeholder(actor);
            case "rename-actor":
                return new RenameActorDelta { ActorId = o.Str("actor", required: true) ?? string.Empty, Name = o.Str("name", required: true) ?? string.Empty };
            case "remove-actor":
                return new RemoveActorDelta { ActorId = o.Str("actor", required: true) ?? string.Empty };
            default:
                var newActor = o.Get("actor") is null ? null : Item(o.Get("actor")!, o.At.Key("actor"), Keys.Actor, "actor");
                if (o.Get("actor") is null)
                {
                    Missing(o, "actor");
                }

                var added = newActor is null
                    ? new Actor(string.Empty, string.Empty, null, Evidence.None)
                    : new Actor(newActor.Str("id", required: true) ?? string.Empty, newActor.Str("name") ?? newActor.Str("id") ?? string.Empty, newActor.Str("description"), EvidenceOf(newActor));
                var values = List(o.Get("values"), o.At.Key("values"), required: false, map, (n, a, k) => Value(n, a, added.Id));
                return new AddActorDelta { ActorId = added.Id, Actor = added, Values = values };
        }
    }

    private Evidence EvidenceOf(Obj owner)
    {
        if (owner.Map("evidence", Keys.Evidence) is not { } e)
        {
            return Evidence.None;
        }

        return new Evidence(e.Str("source"), e.StrList("quotes"), e.Str("note"));
    }

    private Estimate Estimate(Node node, FieldRef at)
    {
        Record(node, at);
        switch (node)
        {
            case ScalarNode s:
                var v = Number(s, at, "a number or {low, mode, high}");
                return global::Parley.Core.Scenarios.Estimate.Exactly(v ?? double.NaN);
            case MapNode m:
                var o = Open(m, at, Keys.Estimate);
                return new Estimate(o.Num("low", required: true) ?? double.NaN, o.Num("mode", required: true) ?? double.NaN, o.Num("high", required: true) ?? double.NaN);
            default:
                Problem(node.Start, at, $"expected a number or {{low, mode, high}}, got {node.Describe()}");
                return new Estimate(double.NaN, double.NaN, double.NaN);
        }
    }

    private JsonNode? ToJson(Node node, FieldRef at)
    {
        Record(node, at);
        switch (node)
        {
            case MapNode m:
                var o = new JsonObject();
                foreach (var (key, value) in m.Entries)
                {
                    o[key.Text] = ToJson(value, at.Key(key.Text));
                }

                return o;
            case SeqNode seq:
                var a = new JsonArray();
                for (var k = 0; k < seq.Items.Count; k++)
                {
                    a.Add(ToJson(seq.Items[k], at.Item(k, null)));
                }

                return a;
            case ScalarNode s:
                return s.Kind switch
                {
                    ScalarKind.Null => null,
                    ScalarKind.Bool => JsonValue.Create(s.Text is "true" or "True" or "TRUE"),
                    ScalarKind.Number => NumberJson(s.Text),
                    _ => JsonValue.Create(s.Text),
                };
            default:
                return null;
        }
    }

    // Whole numbers become longs and others doubles, whichever front end read them, so that JSON and YAML agree.
    private static JsonValue NumberJson(string text)
    {
        var d = ParseNumber(text);
        return d == Math.Floor(d) && Math.Abs(d) < 9e15 && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase)
            ? JsonValue.Create((long)d)
            : JsonValue.Create(d);
    }

    private List<T> List<T>(Node? node, FieldRef at, bool required, Node owner, Func<Node, FieldRef, int, T> item)
    {
        var result = new List<T>();
        if (node is null || node is ScalarNode { Kind: ScalarKind.Null })
        {
            if (required)
            {
                Problem(node?.Start ?? owner.Start, at, $"missing required list '{LastName(at)}'");
            }

            return result;
        }

        Record(node, at);
        if (node is not SeqNode seq)
        {
            Problem(node.Start, at, $"expected a list, got {node.Describe()}");
            return result;
        }

        for (var k = 0; k < seq.Items.Count; k++)
        {
            var child = seq.Items[k];
            var label = Peek(child, "id");
            result.Add(item(child, at.Item(k, label), k));
        }

        return result;
    }

    /// <summary>Opens a list item that must be a mapping; null (reported) otherwise.</summary>
    private Obj? Item(Node node, FieldRef at, string[] keys, string what)
    {
        Record(node, at);
        if (node is MapNode map)
        {
            return Open(map, at, keys);
        }

        Problem(node.Start, at, $"expected {Article(what)} {what} (a mapping), got {node.Describe()}");
        return null;
    }

    private Obj Open(MapNode map, FieldRef at, string[] keys)
    {
        Record(map, at);
        foreach (var (key, _) in map.Entries)
        {
            // Keys are not recorded: a field's location is its value's, which is what a problem is about.
            if (Array.IndexOf(keys, key.Text) < 0)
            {
                Problem(key.Start, at.Key(key.Text), $"unknown field '{key.Text}'{NameSuggester.Hint(key.Text, keys)}; allowed here: {string.Join(", ", keys)}");
            }
        }

        return new Obj(this, map, at);
    }

    private void Missing(Obj o, string key) =>
        Problem(o.Node.Start, o.At.Key(key), $"missing required field '{key}'");

    private string? Text(Node node, FieldRef at)
    {
        Record(node, at);
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.Null }:
                return null;
            case ScalarNode s:
                return s.Text;
            default:
                Problem(node.Start, at, $"expected text, got {node.Describe()}");
                return null;
        }
    }

    private double? Number(Node node, FieldRef at, string expected = "a number")
    {
        Record(node, at);
        if (node is ScalarNode { Kind: ScalarKind.Number } s)
        {
            return ParseNumber(s.Text);
        }

        if (node is ScalarNode { Kind: ScalarKind.String } str && double.TryParse(str.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            // "NaN", "Infinity" and quoted numbers: say exactly what is wrong rather than "not a number".
            Problem(node.Start, at, double.IsFinite(d)
                ? $"expected {expected}, got the text '{str.Text}' (remove the quotes)"
                : $"'{str.Text}' is not a finite number; expected {expected}");
            return null;
        }

        Problem(node.Start, at, $"expected {expected}, got {node.Describe()}");
        return null;
    }

    private static double ParseNumber(string text) =>
        YamlNodeParser.IsNumber(text) ? YamlNodeParser.ToDouble(text) : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private void Record(Node node, FieldRef at) => _map.Record(at.Pointer, node.Start.Line, node.Start.Column);

    private void Problem(Mark mark, FieldRef at, string message)
    {
        _problems.Add(new ScenarioProblem(new SourceLocation(_map.File, mark.Line, mark.Column), at.Path, message));
        if (at.Pointer.Length > 0)
        {
            _map.MarkReported(at.Pointer);
        }
    }

    private static string ScalarText(Node node) => node is ScalarNode s ? s.Text : node.Describe();

    private static string? Peek(Node node, string key) =>
        node is MapNode m && m.Entries.FirstOrDefault(e => e.Key.Text == key).Value is ScalarNode { Kind: not ScalarKind.Null } s ? s.Text : null;

    private static string ReLabel(FieldRef at, string? label)
    {
        if (label is null)
        {
            return at.Path;
        }

        var open = at.Path.LastIndexOf('[');
        return open < 0 ? at.Path : $"{at.Path[..open]}[{label}]";
    }

    private static string LastName(FieldRef at) => at.Path[(at.Path.LastIndexOf('.') + 1)..];

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>An opened mapping: typed getters that report problems and record positions.</summary>
    private sealed class Obj(DocumentReader reader, MapNode node, FieldRef at)
    {
        public MapNode Node { get; } = node;

        public FieldRef At { get; } = at;

        public Node? Get(string key)
        {
            foreach (var (k, v) in Node.Entries)
            {
                if (k.Text == key)
                {
                    return v;
                }
            }

            return null;
        }

        public string? Str(string key, bool required = false)
        {
            var node = Get(key);
            if (node is null || node is ScalarNode { Kind: ScalarKind.Null })
            {
                if (required)
                {
                    reader.Missing(this, key);
                }

                return null;
            }

            return reader.Text(node, At.Key(key));
        }

        public double? Num(string key, bool required = false)
        {
            var node = Get(key);
            if (node is null)
            {
                if (required)
                {
                    reader.Missing(this, key);
                }

                return null;
            }

            return reader.Number(node, At.Key(key));
        }

        public Estimate Est(string key)
        {
            var node = Get(key);
            if (node is null)
            {
                reader.Missing(this, key);
                return new Estimate(double.NaN, double.NaN, double.NaN);
            }

            return reader.Estimate(node, At.Key(key));
        }

        public IReadOnlyList<string> StrList(string key)
        {
            var node = Get(key);
            var at = At.Key(key);
            if (node is null || node is ScalarNode { Kind: ScalarKind.Null })
            {
                return [];
            }

            reader.Record(node, at);
            if (node is not SeqNode seq)
            {
                reader.Problem(node.Start, at, $"expected a list of texts, got {node.Describe()}");
                return [];
            }

            var list = new List<string>(seq.Items.Count);
            for (var k = 0; k < seq.Items.Count; k++)
            {
                if (reader.Text(seq.Items[k], at.Item(k, null)) is { } text)
                {
                    list.Add(text);
                }
            }

            return list;
        }

        public Obj? Map(string key, string[] keys)
        {
            var node = Get(key);
            if (node is null || node is ScalarNode { Kind: ScalarKind.Null })
            {
                return null;
            }

            if (node is MapNode map)
            {
                return reader.Open(map, At.Key(key), keys);
            }

            reader.Record(node, At.Key(key));
            reader.Problem(node.Start, At.Key(key), $"expected a mapping ({string.Join(", ", keys)}), got {node.Describe()}");
            return null;
        }
    }
}
