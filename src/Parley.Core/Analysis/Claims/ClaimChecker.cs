using System.Globalization;
using System.Text.Json.Nodes;
using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Claims;

/// <summary>
/// Evaluates a scenario's predictions under every model. Check kinds: <c>outcome</c>, <c>actor-position</c>,
/// <c>variant-difference</c>, <c>input</c>, <c>all</c>, <c>advise-rank</c>, <c>qualitative</c>. A claim that cannot be
/// checked is reported as such, never dropped.
/// </summary>
public static class ClaimChecker
{
    /// <summary>The model id used for checks on the scenario's inputs, which no model is needed for.</summary>
    public const string InputsModel = "inputs";

    /// <summary>Evaluates every prediction of <c>evidence.Scenario("baseline")</c>.</summary>
    public static IReadOnlyList<ClaimResult> CheckAll(IClaimEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var scenario = evidence.Scenario("baseline");
        return scenario.Predictions.Select(p => Check(p, evidence)).ToList();
    }

    /// <summary>Evaluates one prediction under every model.</summary>
    public static ClaimResult Check(Prediction prediction, IClaimEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(evidence);
        if (prediction.Check is null)
        {
            return new ClaimResult(prediction.Id, prediction.Statement, [new ModelVerdict(InputsModel, Verdict.NotCheckable, null, "no machine-checkable test is given")]);
        }

        var verdicts = new List<ModelVerdict>();
        if (IsInputOnly(prediction.Check))
        {
            verdicts.Add(Evaluate(prediction.Check, InputsModel, evidence) with { Model = InputsModel });
        }
        else
        {
            foreach (var model in evidence.Models)
            {
                verdicts.Add(Evaluate(prediction.Check, model, evidence));
            }
        }

        return new ClaimResult(prediction.Id, prediction.Statement, verdicts);
    }

    private static bool IsInputOnly(JsonObject check) => Kind(check) switch
    {
        "input" or "qualitative" => true,
        "all" => check["of"] is JsonArray parts && parts.OfType<JsonObject>().All(IsInputOnly),
        _ => false,
    };

    private static string Kind(JsonObject check) => check["kind"]?.GetValue<string>() ?? "?";

    private static ModelVerdict Evaluate(JsonObject check, string model, IClaimEvidence evidence)
    {
        try
        {
            return Kind(check) switch
            {
                "outcome" => Outcome(check, model, evidence),
                "variant-difference" => Difference(check, model, evidence),
                "actor-position" => ActorPosition(check, model, evidence),
                "input" => Input(check, model, evidence),
                "all" => All(check, model, evidence),
                "qualitative" => new ModelVerdict(model, Verdict.NotCheckable, null, "qualitative: " + (check["note"]?.GetValue<string>() ?? "not a model output")),
                "advise-rank" => AdviseRank(check, model, evidence),
                var other => new ModelVerdict(model, Verdict.NotCheckable, null, $"unknown check kind '{other}'"),
            };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return new ModelVerdict(model, Verdict.NotCheckable, null, "cannot evaluate: " + ex.Message);
        }
    }

    private static ModelVerdict Outcome(JsonObject check, string model, IClaimEvidence evidence)
    {
        var variant = check["variant"]?.GetValue<string>() ?? "baseline";
        var issue = Required(check, "issue");
        var cmp = Comparison.From(check);
        var minP = check["minProbability"] is { } mp ? Comparison.Number(mp) : 0.5;
        var value = evidence.Forecast(variant, issue, model);
        var p = evidence.Probability(variant, issue, model, cmp.Test);
        var holds = p is { } prob ? prob >= minP : cmp.Test(value);
        var detail = p is { } pp
            ? F($"P({issue} {cmp}) = {pp:0.00} (needs ≥ {minP:0.00}); forecast at most-likely values {value:0.#}")
            : F($"forecast {value:0.#} {(cmp.Test(value) ? "is" : "is not")} {cmp}");
        return new ModelVerdict(model, holds ? Verdict.Holds : Verdict.Fails, p, detail);
    }

    private static ModelVerdict Difference(JsonObject check, string model, IClaimEvidence evidence)
    {
        var variant = Required(check, "variant");
        var against = check["against"]?.GetValue<string>() ?? "baseline";
        var issue = Required(check, "issue");
        var cmp = Comparison.From(check);
        var diff = evidence.Forecast(variant, issue, model) - evidence.Forecast(against, issue, model);
        var p = evidence.DifferenceProbability(variant, against, issue, model, cmp.Test);
        var minP = check["minProbability"] is { } mp ? Comparison.Number(mp) : 0.5;
        var holds = p is { } prob ? prob >= minP : cmp.Test(diff);
        var detail = F($"{variant} − {against} on {issue} = {diff:+0.#;-0.#;0} at most-likely values");
        if (p is { } pp)
        {
            detail += F($"; P(difference {cmp}) = {pp:0.00} (needs ≥ {minP:0.00})");
        }

        return new ModelVerdict(model, holds ? Verdict.Holds : Verdict.Fails, p, detail);
    }

    private static ModelVerdict ActorPosition(JsonObject check, string model, IClaimEvidence evidence)
    {
        var actor = Required(check, "actor");
        var issue = Required(check, "issue");
        var cmp = Comparison.From(check);
        var variants = check["variants"] is JsonArray vs ? vs.Select(v => v!.GetValue<string>()).ToList() : [check["variant"]?.GetValue<string>() ?? "baseline"];
        var worst = new List<string>();
        var holds = true;
        foreach (var variant in variants)
        {
            var path = evidence.ActorPath(variant, actor, issue, model);
            if (path is null)
            {
                return new ModelVerdict(model, Verdict.NotCheckable, null, "one-shot model: actors do not move");
            }

            var failing = path.Select((x, round) => (x, round)).Where(t => !cmp.Test(t.x)).ToList();
            if (failing.Count > 0)
            {
                holds = false;
                worst.Add(F($"{variant}: round {failing[0].round} at {failing[0].x:0.#}"));
            }
            else
            {
                worst.Add(F($"{variant}: {path.Min():0.#}–{path.Max():0.#} over {path.Count - 1} rounds"));
            }
        }

        return new ModelVerdict(model, holds ? Verdict.Holds : Verdict.Fails, null, F($"{actor} on {issue} {cmp} in every round? ") + string.Join("; ", worst));
    }

    private static ModelVerdict Input(JsonObject check, string model, IClaimEvidence evidence)
    {
        var baseline = evidence.Scenario("baseline");
        var variants = check["variants"] switch
        {
            JsonValue v when v.GetValue<string>() == "all" => ["baseline", .. baseline.Variants.Select(x => x.Id).Where(id => id != "baseline")],
            JsonArray list => list.Select(x => x!.GetValue<string>()).ToList(),
            _ => new List<string> { check["variant"]?.GetValue<string>() ?? "baseline" },
        };
        var failures = new List<string>();
        var count = 0;
        foreach (var variant in variants)
        {
            var scenario = evidence.Scenario(variant);
            foreach (var assertion in (check["assert"] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var (subject, ok) in Assert(scenario, assertion))
                {
                    count++;
                    if (!ok)
                    {
                        failures.Add($"{variant}: {subject}");
                    }
                }
            }
        }

        return failures.Count == 0
            ? new ModelVerdict(model, Verdict.Holds, null, F($"all {count} input conditions hold"))
            : new ModelVerdict(model, Verdict.Fails, null, "fails: " + string.Join("; ", failures));
    }

    private static IEnumerable<(string Subject, bool Ok)> Assert(Scenario scenario, JsonObject a)
    {
        var actor = Required(a, "actor");
        var issueSpec = Required(a, "issue");
        var field = Enum.Parse<ValueField>(Required(a, "field"), ignoreCase: true);
        var stat = Enum.Parse<EstimateStat>(a["stat"]?.GetValue<string>() ?? "mode", ignoreCase: true);
        var op = Required(a, "op");
        var issues = issueSpec == "*" ? scenario.Issues.Select(i => i.Id).ToList() : [issueSpec];
        foreach (var issue in issues)
        {
            var value = scenario.FindValue(actor, issue);
            if (value is null)
            {
                continue;
            }

            var x = value.Get(field).Get(stat);
            if (a["compareActor"] is JsonArray others)
            {
                foreach (var other in others.Select(o => o!.GetValue<string>()))
                {
                    var y = scenario.FindValue(other, issue)?.Get(field).Get(stat) ?? double.NaN;
                    var cmp = new Comparison(op, y, double.NaN);
                    yield return (F($"{actor} {field.ToString().ToLowerInvariant()} on {issue} ({x:0.#}) {op} {other}'s ({y:0.#})"), cmp.Test(x));
                }
            }
            else
            {
                var cmp = Comparison.From(a);
                yield return (F($"{actor} {field.ToString().ToLowerInvariant()} on {issue} = {x:0.#}, needs {cmp}"), cmp.Test(x));
            }
        }
    }

    private static ModelVerdict AdviseRank(JsonObject check, string model, IClaimEvidence evidence)
    {
        var variant = check["variant"]?.GetValue<string>() ?? "baseline";
        var advisee = Required(check, "advisee");
        var expected = Required(check, "expectTopTarget");
        var issues = check["issues"] is JsonArray list ? list.Select(x => x!.GetValue<string>()).ToList() : null;
        var top = evidence.TopLeverTarget(variant, advisee, issues, model);
        var scope = issues is null ? "all issues" : string.Join(", ", issues);
        return top == expected
            ? new ModelVerdict(model, Verdict.Holds, null, $"{advisee}'s best lever on {scope} acts on {top}")
            : new ModelVerdict(model, Verdict.Fails, null, $"{advisee}'s best lever on {scope} acts on {top ?? "nobody (no lever gains)"}, not {expected}");
    }

    private static ModelVerdict All(JsonObject check, string model, IClaimEvidence evidence)
    {
        var parts = (check["of"] as JsonArray ?? []).OfType<JsonObject>().Select(c => Evaluate(c, model, evidence)).ToList();
        var verdict = parts.Any(p => p.Verdict == Verdict.Fails) ? Verdict.Fails
            : parts.All(p => p.Verdict == Verdict.Holds) ? Verdict.Holds
            : Verdict.NotCheckable;
        // A joint probability is exact only when a single part is uncertain and the others are settled facts;
        // with several uncertain parts the draws would have to be combined per draw, so none is reported.
        var uncertain = parts.Where(p => p.Probability is not null).ToList();
        double? probability = uncertain.Count == 1 ? uncertain[0].Probability : null;
        var detail = string.Join(" AND ", parts.Select(p => $"[{p.Verdict.ToString().ToLowerInvariant()}] {p.Detail}"));
        return new ModelVerdict(model, verdict, probability, detail);
    }

    private static string Required(JsonObject o, string name) =>
        o[name]?.GetValue<string>() ?? throw new FormatException($"check has no '{name}'.");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
