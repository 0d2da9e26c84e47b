using System.Globalization;
using System.Text.Json.Nodes;

namespace Parley.Core.Scenarios.Validation;

/// <summary>
/// Checks a scenario's meaning: ids unique and known, numbers finite, ordered (low ≤ mode ≤ high) and within
/// their domains (position within the issue's scale, salience 0–100, capability ≥ 0), every issue valued by at
/// least one actor, and variants and recommendations that refer only to things that exist. Syntax and types are
/// the loaders' business; this class sees only the built <see cref="Scenario"/>. Stateless and thread-safe.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>Lowest allowed salience.</summary>
    public const double MinSalience = 0;

    /// <summary>Highest allowed salience.</summary>
    public const double MaxSalience = 100;

    /// <summary>The id under which the unchanged scenario can always be named, declared or not.</summary>
    public const string BaselineId = "baseline";

    /// <summary>Every problem found, in the order of the scenario's sections; empty when the scenario is sound.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var run = new Run(scenario);
        run.All();
        return run.Problems;
    }

    private sealed class Run(Scenario s)
    {
        private readonly Dictionary<string, Issue> _issues = new(StringComparer.Ordinal);
        private readonly HashSet<string> _actors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _variants = new(StringComparer.Ordinal);

        // Issues whose scale is already reported as broken: positions on them are not range-checked again.
        private readonly HashSet<string> _badScale = new(StringComparer.Ordinal);

        public List<ValidationProblem> Problems { get; } = [];

        public void All()
        {
            var root = FieldRef.Root;
            if (string.IsNullOrWhiteSpace(s.Id))
            {
                Add(root.Key("id"), "the scenario id is empty; give a short id such as 'korea-2025'");
            }

            Issues(root.Key("issues"));
            Actors(root.Key("actors"));
            Values(root.Key("values"));
            Variants(root.Key("variants"));
            Recommendations(root.Key("recommendations"));
            Predictions(root.Key("predictions"));
            for (var k = 0; k < s.NotModelled.Count; k++)
            {
                if (string.IsNullOrWhiteSpace(s.NotModelled[k].Name))
                {
                    Add(root.Key("notModelled").Item(k, null).Key("name"), "the name is empty");
                }
            }
        }

        private void Issues(FieldRef at)
        {
            if (s.Issues.Count == 0)
            {
                Add(at, "the scenario has no issues; declare at least one");
            }

            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < s.Issues.Count; k++)
            {
                var issue = s.Issues[k];
                var item = at.Item(k, issue.Id);
                if (!Id(item.Key("id"), issue.Id, "issue", first, k))
                {
                    continue;
                }

                _issues[issue.Id] = issue;
                var scaleOk = double.IsFinite(issue.ScaleLow) && double.IsFinite(issue.ScaleHigh) && issue.ScaleLow < issue.ScaleHigh;
                if (!scaleOk)
                {
                    Add(item.Key("scale"), $"[{F(issue.ScaleLow)}, {F(issue.ScaleHigh)}] is not a scale; need two finite numbers, low < high");
                    _badScale.Add(issue.Id);
                    continue;
                }

                var seen = new HashSet<double>();
                for (var a = 0; a < issue.Anchors.Count; a++)
                {
                    var anchor = issue.Anchors[a];
                    var aat = item.Key("anchors").Item(a, F(anchor.Value));
                    if (!InScale(anchor.Value, issue))
                    {
                        Add(aat, $"anchor {F(anchor.Value)} is outside the issue's scale [{F(issue.ScaleLow)}, {F(issue.ScaleHigh)}]");
                    }
                    else if (!seen.Add(anchor.Value))
                    {
                        Add(aat, $"anchor {F(anchor.Value)} is given twice; each point needs one label");
                    }
                }

                if (issue.StatusQuo is { } sq)
                {
                    EstimateIn(item.Key("statusQuo"), sq, "status quo", issue.ScaleLow, issue.ScaleHigh, ScaleText(issue));
                }
            }
        }

        private void Actors(FieldRef at)
        {
            if (s.Actors.Count == 0)
            {
                Add(at, "the scenario has no actors; declare at least one");
            }

            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < s.Actors.Count; k++)
            {
                var actor = s.Actors[k];
                if (Id(at.Item(k, actor.Id).Key("id"), actor.Id, "actor", first, k))
                {
                    _actors.Add(actor.Id);
                }
            }
        }

        private void Values(FieldRef at)
        {
            var first = new Dictionary<(string, string), int>();
            var valued = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < s.Values.Count; k++)
            {
                var v = s.Values[k];
                var item = at.Item(k, v.Key);
                var actorOk = KnownActor(item.Key("actor"), v.ActorId, _actors);
                var issueOk = KnownIssue(item.Key("issue"), v.IssueId);
                if (actorOk && issueOk)
                {
                    if (first.TryGetValue((v.ActorId, v.IssueId), out var earlier))
                    {
                        Add(item, $"a second value for actor '{v.ActorId}' on issue '{v.IssueId}' (the first is values #{earlier + 1}); give each actor at most one value per issue");
                    }
                    else
                    {
                        first[(v.ActorId, v.IssueId)] = k;
                    }

                    valued.Add(v.IssueId);
                }

                Fields(item, v.Position, v.Salience, v.Capability, issueOk ? _issues[v.IssueId] : null);
            }

            for (var k = 0; k < s.Issues.Count; k++)
            {
                var issue = s.Issues[k];
                if (_issues.TryGetValue(issue.Id, out var known) && ReferenceEquals(known, issue) && !valued.Contains(issue.Id))
                {
                    Add(FieldRef.Root.Key("issues").Item(k, issue.Id), $"no actor has a value on issue '{issue.Id}'; give at least one actor a position, salience and capability on it, or remove the issue");
                }
            }
        }

        private void Fields(FieldRef item, Estimate position, Estimate salience, Estimate capability, Issue? issue)
        {
            if (issue is not null && !_badScale.Contains(issue.Id))
            {
                EstimateIn(item.Key("position"), position, "position", issue.ScaleLow, issue.ScaleHigh, ScaleText(issue));
            }
            else
            {
                EstimateIn(item.Key("position"), position, "position", double.NegativeInfinity, double.PositiveInfinity, "the allowed range {scale}");
            }

            EstimateIn(item.Key("salience"), salience, "salience", MinSalience, MaxSalience, "the allowed range {scale}");
            EstimateIn(item.Key("capability"), capability, "capability", 0, double.PositiveInfinity, "the allowed range {scale}");
        }

        private void Field(FieldRef at, ValueField field, Estimate value, Issue? issue)
        {
            switch (field)
            {
                case ValueField.Position when issue is not null && !_badScale.Contains(issue.Id):
                    EstimateIn(at, value, "position", issue.ScaleLow, issue.ScaleHigh, ScaleText(issue));
                    break;
                case ValueField.Position:
                    EstimateIn(at, value, "position", double.NegativeInfinity, double.PositiveInfinity, "the allowed range {scale}");
                    break;
                case ValueField.Salience:
                    EstimateIn(at, value, "salience", MinSalience, MaxSalience, "the allowed range {scale}");
                    break;
                default:
                    EstimateIn(at, value, "capability", 0, double.PositiveInfinity, "the allowed range {scale}");
                    break;
            }
        }

        private void Variants(FieldRef at)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < s.Variants.Count; k++)
            {
                var variant = s.Variants[k];
                var item = at.Item(k, variant.Id);
                if (Id(item.Key("id"), variant.Id, "variant", first, k))
                {
                    _variants.Add(variant.Id);
                }

                Deltas(item.Key("deltas"), variant.Deltas, BaselineState(), report: true);
            }
        }

        private void Recommendations(FieldRef at)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < s.Recommendations.Count; k++)
            {
                var r = s.Recommendations[k];
                var item = at.Item(k, r.Id);
                Id(item.Key("id"), r.Id, "recommendation", first, k);
                if (r.Number < 1)
                {
                    Add(item.Key("number"), $"{r.Number} is not a recommendation number; number them from 1");
                }

                KnownActor(item.Key("by"), r.By, _actors);
                if (r.Target is not null)
                {
                    KnownActor(item.Key("target"), r.Target, _actors);
                }

                var state = BaselineState();
                if (r.EvaluateIn is not null && r.EvaluateIn != BaselineId)
                {
                    var variant = s.FindVariant(r.EvaluateIn);
                    if (variant is null)
                    {
                        Add(item.Key("evaluateIn"), $"unknown variant '{r.EvaluateIn}'{NameSuggester.Hint(r.EvaluateIn, _variants)}; known variants: {List(_variants.Prepend(BaselineId).Distinct())}");
                    }
                    else
                    {
                        // The moves act on the variant they are evaluated in, so an actor that variant adds may move.
                        Deltas(item, variant.Deltas, state, report: false);
                    }
                }

                Deltas(item.Key("moves"), r.Moves, state, report: true);
            }
        }

        private void Predictions(FieldRef at)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < s.Predictions.Count; k++)
            {
                var p = s.Predictions[k];
                var item = at.Item(k, p.Id);
                Id(item.Key("id"), p.Id, "prediction", first, k);
                if (p.Check is not null)
                {
                    Check(item.Key("check"), p.Check);
                }
            }
        }

        // A check is free-form data for the prediction checker; here only its references are checked, so that a
        // typo in an id fails at load time rather than when the check runs.
        private void Check(FieldRef at, JsonObject check)
        {
            foreach (var (key, node) in check)
            {
                var kat = at.Key(key);
                switch (key, node)
                {
                    case ("variant" or "against" or "evaluateIn", JsonValue v) when v.TryGetValue<string>(out var id):
                        KnownVariant(kat, id);
                        break;
                    case ("variants", JsonArray list):
                        ForEachString(kat, list, KnownVariant);
                        break;
                    case ("actor" or "advisee" or "expectTopTarget" or "compareActor", JsonValue v) when v.TryGetValue<string>(out var id):
                        KnownActor(kat, id, _actors);
                        break;
                    case ("compareActor" or "actors", JsonArray list):
                        ForEachString(kat, list, (a, id) => KnownActor(a, id, _actors));
                        break;
                    case ("issue", JsonValue v) when v.TryGetValue<string>(out var id) && id != "*":
                        KnownIssue(kat, id);
                        break;
                    case ("issues", JsonArray list):
                        ForEachString(kat, list, (a, id) => KnownIssue(a, id));
                        break;
                    case (_, JsonObject inner):
                        Check(kat, inner);
                        break;
                    case (_, JsonArray list):
                        for (var k = 0; k < list.Count; k++)
                        {
                            if (list[k] is JsonObject o)
                            {
                                Check(kat.Item(k, null), o);
                            }
                        }

                        break;
                }
            }
        }

        private static void ForEachString(FieldRef at, JsonArray list, Action<FieldRef, string> action)
        {
            for (var k = 0; k < list.Count; k++)
            {
                if (list[k] is JsonValue v && v.TryGetValue<string>(out var id))
                {
                    action(at.Item(k, null), id);
                }
            }
        }

        private void KnownVariant(FieldRef at, string id)
        {
            if (id != BaselineId && id != "all" && !_variants.Contains(id))
            {
                Add(at, $"unknown variant '{id}'{NameSuggester.Hint(id, _variants)}; known variants: {List(_variants.Prepend(BaselineId).Distinct())}");
            }
        }

        private DeltaState BaselineState()
        {
            var state = new DeltaState(new HashSet<string>(_actors, StringComparer.Ordinal), []);
            foreach (var v in s.Values)
            {
                state.Valued.Add((v.ActorId, v.IssueId));
            }

            return state;
        }

        private void Deltas(FieldRef at, IReadOnlyList<Delta> deltas, DeltaState state, bool report)
        {
            // Pairs an actor abstained from, given a value by this list: which fields were set, and where first.
            var created = new Dictionary<(string, string), (HashSet<ValueField> Fields, FieldRef At)>();
            var before = Problems.Count;
            for (var k = 0; k < deltas.Count; k++)
            {
                var item = at.Item(k, null);
                switch (deltas[k])
                {
                    case SetValueDelta set:
                        var actorOk = KnownActor(item.Key("actor"), set.ActorId, state.Actors);
                        var issueOk = KnownIssue(item.Key("issue"), set.IssueId);
                        Field(item.Key("value"), set.Field, set.Value, issueOk ? _issues[set.IssueId] : null);
                        if (actorOk && issueOk && !state.Valued.Contains((set.ActorId, set.IssueId)))
                        {
                            if (!created.TryGetValue((set.ActorId, set.IssueId), out var entry))
                            {
                                entry = ([], item);
                                created[(set.ActorId, set.IssueId)] = entry;
                            }

                            entry.Fields.Add(set.Field);
                        }

                        break;
                    case RenameActorDelta rename:
                        KnownActor(item.Key("actor"), rename.ActorId, state.Actors);
                        if (string.IsNullOrWhiteSpace(rename.Name))
                        {
                            Add(item.Key("name"), "the new name is empty");
                        }

                        break;
                    case AddActorDelta add:
                        var id = add.Actor.Id;
                        if (string.IsNullOrWhiteSpace(id))
                        {
                            Add(item.Key("actor").Key("id"), "the actor id is empty");
                        }
                        else if (!state.Actors.Add(id))
                        {
                            Add(item.Key("actor").Key("id"), $"actor '{id}' already exists; add-actor needs a new id (use set to change an existing actor)");
                        }

                        var issuesSeen = new HashSet<string>(StringComparer.Ordinal);
                        for (var v = 0; v < add.Values.Count; v++)
                        {
                            var value = add.Values[v];
                            var vat = item.Key("values").Item(v, value.IssueId);
                            var ok = KnownIssue(vat.Key("issue"), value.IssueId);
                            if (ok && !issuesSeen.Add(value.IssueId))
                            {
                                Add(vat, $"a second value for the new actor '{id}' on issue '{value.IssueId}'");
                            }

                            Fields(vat, value.Position, value.Salience, value.Capability, ok ? _issues[value.IssueId] : null);
                            state.Valued.Add((id, value.IssueId));
                        }

                        break;
                    case RemoveActorDelta remove:
                        if (KnownActor(item.Key("actor"), remove.ActorId, state.Actors))
                        {
                            state.Actors.Remove(remove.ActorId);
                            state.Valued.RemoveWhere(p => p.Actor == remove.ActorId);
                        }

                        break;
                }
            }

            foreach (var ((actor, issue), (fields, where)) in created)
            {
                if (fields.Count < 3)
                {
                    var missing = Enum.GetValues<ValueField>().Where(f => !fields.Contains(f)).Select(f => f.ToString().ToLowerInvariant());
                    Add(where, $"actor '{actor}' abstains from issue '{issue}', so giving it a value needs all three fields set; missing: {string.Join(", ", missing)}");
                }

                state.Valued.Add((actor, issue));
            }

            if (!report)
            {
                Problems.RemoveRange(before, Problems.Count - before);
            }

        }

        private bool Id(FieldRef at, string id, string kind, Dictionary<string, int> first, int index)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Add(at, $"the {kind} id is empty");
                return false;
            }

            if (id.Trim() != id)
            {
                Add(at, $"the {kind} id '{id}' starts or ends with white space");
                return false;
            }

            if (first.TryGetValue(id, out var earlier))
            {
                Add(at, $"duplicate {kind} id '{id}' (already used by {kind} #{earlier + 1}); ids must be unique");
                return false;
            }

            first[id] = index;
            return true;
        }

        private bool KnownActor(FieldRef at, string id, ISet<string> actors)
        {
            if (actors.Contains(id))
            {
                return true;
            }

            Add(at, $"unknown actor '{id}'{NameSuggester.Hint(id, actors)}; known actors: {List(actors)}");
            return false;
        }

        private bool KnownIssue(FieldRef at, string id)
        {
            if (_issues.ContainsKey(id))
            {
                return true;
            }

            Add(at, $"unknown issue '{id}'{NameSuggester.Hint(id, _issues.Keys)}; known issues: {List(_issues.Keys)}");
            return false;
        }

        private void EstimateIn(FieldRef at, Estimate e, string what, double lo, double hi, string allowed)
        {
            // A point value (low = mode = high, NaN included) was most likely written as one number: report it once.
            if (BitConverter.DoubleToInt64Bits(e.Low) == BitConverter.DoubleToInt64Bits(e.Mode)
                && BitConverter.DoubleToInt64Bits(e.Mode) == BitConverter.DoubleToInt64Bits(e.High))
            {
                Number(at, e.Mode, what, lo, hi, allowed);
                return;
            }

            var ok = true;
            foreach (var stat in Enum.GetValues<EstimateStat>())
            {
                ok &= Number(at.Key(stat.ToString().ToLowerInvariant()), e.Get(stat), $"{what} {stat.ToString().ToLowerInvariant()}", lo, hi, allowed);
            }

            if (!ok)
            {
                return;
            }

            if (e.Low > e.Mode)
            {
                Add(at.Key("low"), $"low {F(e.Low)} is greater than mode {F(e.Mode)}; need low ≤ mode ≤ high");
            }

            if (e.Mode > e.High)
            {
                Add(at.Key("high"), $"high {F(e.High)} is less than mode {F(e.Mode)}; need low ≤ mode ≤ high");
            }
        }

        private bool Number(FieldRef at, double value, string what, double lo, double hi, string range)
        {
            if (!double.IsFinite(value))
            {
                Add(at, $"{what} is {F(value)}; it must be a finite number");
                return false;
            }

            if (value < lo || value > hi)
            {
                Add(at, double.IsPositiveInfinity(hi)
                    ? $"{what} {F(value)} is negative; it must be 0 or more"
                    : $"{what} {F(value)} is outside " + range.Replace("{scale}", $"[{F(lo)}, {F(hi)}]", StringComparison.Ordinal));
                return false;
            }

            return true;
        }

        private void Add(FieldRef at, string message) => Problems.Add(new ValidationProblem(at.Path, at.Pointer, message));

        private static bool InScale(double value, Issue issue) => double.IsFinite(value) && value >= issue.ScaleLow && value <= issue.ScaleHigh;

        private static string ScaleText(Issue issue) => issue.ScaleDeclared
            ? "the issue's scale {scale}"
            : "the issue's inferred scale {scale} (the range of the mode positions; give a scale, e.g. --scale LO,HI)";

        private static string List(IEnumerable<string> ids)
        {
            var all = ids.ToList();
            return all.Count == 0 ? "none" : string.Join(", ", all);
        }
    }

    /// <summary>Formats a number for messages: shortest round-trip form, NaN and infinities spelt out.</summary>
    internal static string F(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "infinity",
        double.NegativeInfinity => "-infinity",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private sealed record DeltaState(HashSet<string> Actors, HashSet<(string Actor, string Issue)> Valued);
}
