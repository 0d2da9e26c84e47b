using System.Text.Json.Nodes;
using Parley.Core.Scenarios;

namespace Parley.Formats.Tests;

/// <summary>Deep comparison of scenarios: every id, text, quote, number (exactly: tolerance 0), delta and check.</summary>
internal static class ScenarioAssert
{
    public static void Equal(Scenario expected, Scenario actual)
    {
        var diffs = Differences(expected, actual);
        Assert.True(diffs.Count == 0, "Scenarios differ:\n" + string.Join("\n", diffs.Take(30)));
    }

    public static List<string> Differences(Scenario a, Scenario b)
    {
        var d = new List<string>();
        void Eq<T>(string what, T x, T y)
        {
            if (!EqualityComparer<T>.Default.Equals(x, y))
            {
                d.Add($"{what}: {x} != {y}");
            }
        }

        void Texts(string what, IReadOnlyList<string> x, IReadOnlyList<string> y)
        {
            Eq(what + ".count", x.Count, y.Count);
            for (var k = 0; k < Math.Min(x.Count, y.Count); k++)
            {
                Eq($"{what}[{k}]", x[k], y[k]);
            }
        }

        void Ev(string what, Evidence x, Evidence y)
        {
            Eq(what + ".source", x.Source, y.Source);
            Eq(what + ".note", x.Note, y.Note);
            Texts(what + ".quotes", x.Quotes, y.Quotes);
        }

        void Val(string what, ActorIssueValue x, ActorIssueValue y)
        {
            Eq(what + ".actor", x.ActorId, y.ActorId);
            Eq(what + ".issue", x.IssueId, y.IssueId);
            Eq(what + ".position", x.Position, y.Position);
            Eq(what + ".salience", x.Salience, y.Salience);
            Eq(what + ".capability", x.Capability, y.Capability);
            Ev(what + ".evidence", x.Evidence, y.Evidence);
        }

        void Deltas(string what, IReadOnlyList<Delta> x, IReadOnlyList<Delta> y)
        {
            Eq(what + ".count", x.Count, y.Count);
            for (var k = 0; k < Math.Min(x.Count, y.Count); k++)
            {
                var w = $"{what}[{k}]";
                Eq(w + ".type", x[k].GetType(), y[k].GetType());
                Eq(w + ".actor", x[k].ActorId, y[k].ActorId);
                switch (x[k], y[k])
                {
                    case (SetValueDelta p, SetValueDelta q):
                        Eq(w, (p.IssueId, p.Field, p.Value), (q.IssueId, q.Field, q.Value));
                        break;
                    case (RenameActorDelta p, RenameActorDelta q):
                        Eq(w + ".name", p.Name, q.Name);
                        break;
                    case (AddActorDelta p, AddActorDelta q):
                        Eq(w + ".actor", (p.Actor.Id, p.Actor.Name, p.Actor.Description), (q.Actor.Id, q.Actor.Name, q.Actor.Description));
                        Eq(w + ".values.count", p.Values.Count, q.Values.Count);
                        for (var v = 0; v < Math.Min(p.Values.Count, q.Values.Count); v++)
                        {
                            Val($"{w}.values[{v}]", p.Values[v], q.Values[v]);
                        }

                        break;
                }
            }
        }

        Eq("id", a.Id, b.Id);
        Eq("name", a.Name, b.Name);
        var (ma, mb) = (a.Metadata, b.Metadata);
        Eq("metadata", (ma.Title, ma.Source, ma.Date, ma.QuoteConvention, ma.Notes), (mb.Title, mb.Source, mb.Date, mb.QuoteConvention, mb.Notes));
        Texts("metadata.authors", ma.Authors, mb.Authors);
        Texts("metadata.references", ma.References, mb.References);
        Texts("metadata.conventions", ma.Conventions.Select(kv => kv.Key + "=" + kv.Value).ToList(), mb.Conventions.Select(kv => kv.Key + "=" + kv.Value).ToList());
        Eq("issues.count", a.Issues.Count, b.Issues.Count);
        for (var k = 0; k < Math.Min(a.Issues.Count, b.Issues.Count); k++)
        {
            var (x, y) = (a.Issues[k], b.Issues[k]);
            var w = $"issues[{x.Id}]";
            Eq(w, (x.Id, x.Name, x.Description, x.ScaleLow, x.ScaleHigh, x.ScaleDeclared, x.StatusQuo, x.StatusQuoNote), (y.Id, y.Name, y.Description, y.ScaleLow, y.ScaleHigh, y.ScaleDeclared, y.StatusQuo, y.StatusQuoNote));
            Texts(w + ".anchors", x.Anchors.Select(an => $"{an.Value}:{an.Label}").ToList(), y.Anchors.Select(an => $"{an.Value}:{an.Label}").ToList());
            Ev(w + ".evidence", x.Evidence, y.Evidence);
        }

        Eq("actors.count", a.Actors.Count, b.Actors.Count);
        for (var k = 0; k < Math.Min(a.Actors.Count, b.Actors.Count); k++)
        {
            var (x, y) = (a.Actors[k], b.Actors[k]);
            Eq($"actors[{x.Id}]", (x.Id, x.Name, x.Description), (y.Id, y.Name, y.Description));
            Ev($"actors[{x.Id}].evidence", x.Evidence, y.Evidence);
        }

        Texts("notModelled", a.NotModelled.Select(n => n.Name + "|" + n.Reason).ToList(), b.NotModelled.Select(n => n.Name + "|" + n.Reason).ToList());
        Eq("values.count", a.Values.Count, b.Values.Count);
        for (var k = 0; k < Math.Min(a.Values.Count, b.Values.Count); k++)
        {
            Val($"values[{a.Values[k].Key}]", a.Values[k], b.Values[k]);
        }

        Eq("variants.count", a.Variants.Count, b.Variants.Count);
        for (var k = 0; k < Math.Min(a.Variants.Count, b.Variants.Count); k++)
        {
            var (x, y) = (a.Variants[k], b.Variants[k]);
            Eq($"variants[{x.Id}]", (x.Id, x.Name, x.Description), (y.Id, y.Name, y.Description));
            Ev($"variants[{x.Id}].evidence", x.Evidence, y.Evidence);
            Deltas($"variants[{x.Id}].deltas", x.Deltas, y.Deltas);
        }

        Eq("predictions.count", a.Predictions.Count, b.Predictions.Count);
        for (var k = 0; k < Math.Min(a.Predictions.Count, b.Predictions.Count); k++)
        {
            var (x, y) = (a.Predictions[k], b.Predictions[k]);
            Eq($"predictions[{x.Id}]", (x.Id, x.Statement, x.Note), (y.Id, y.Statement, y.Note));
            Texts($"predictions[{x.Id}].quotes", x.Quotes, y.Quotes);
            if (!JsonNode.DeepEquals(x.Check, y.Check))
            {
                d.Add($"predictions[{x.Id}].check: {x.Check?.ToJsonString()} != {y.Check?.ToJsonString()}");
            }
        }

        Eq("recommendations.count", a.Recommendations.Count, b.Recommendations.Count);
        for (var k = 0; k < Math.Min(a.Recommendations.Count, b.Recommendations.Count); k++)
        {
            var (x, y) = (a.Recommendations[k], b.Recommendations[k]);
            Eq($"recommendations[{x.Id}]", (x.Id, x.Number, x.By, x.Target, x.Text, x.EvaluateIn, x.ExpectedEffect), (y.Id, y.Number, y.By, y.Target, y.Text, y.EvaluateIn, y.ExpectedEffect));
            Texts($"recommendations[{x.Id}].quotes", x.Quotes, y.Quotes);
            Deltas($"recommendations[{x.Id}].moves", x.Moves, y.Moves);
        }

        return d;
    }
}
