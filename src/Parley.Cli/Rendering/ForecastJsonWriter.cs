using System.Text.Json;
using Parley.Core.Forecasting;
using Parley.Core.Models;

namespace Parley.Cli.Rendering;

/// <summary>
/// Writes the <c>--format json</c> contract of <c>parley forecast</c>:
/// <c>{"scenario", "variant", "issues": [{"id", "forecasts": [{"model", "value", "rounds": [{"round", "median", "mean", "positions": {actor: n}}]}]}]}</c>.
/// Fields may be added, never renamed or dropped. Numbers use .NET's shortest round-trip form, so the bytes are the
/// same on every machine for the same results.
/// </summary>
internal static class ForecastJsonWriter
{
    /// <summary>Extra per-forecast fields (e.g. a Monte Carlo distribution) written after the contract's fields.</summary>
    public delegate void ForecastExtension(Utf8JsonWriter writer, IssueForecasts issue, IssueForecast forecast);

    public static string Write(ScenarioForecast forecast, ForecastExtension? extension = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", forecast.Scenario.Id);
            if (forecast.Variant is null)
            {
                w.WriteNull("variant");
            }
            else
            {
                w.WriteString("variant", forecast.Variant);
            }

            w.WriteStartArray("issues");
            foreach (var issue in forecast.Issues)
            {
                WriteIssue(w, issue, extension);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteIssue(Utf8JsonWriter w, IssueForecasts issue, ForecastExtension? extension)
    {
        w.WriteStartObject();
        w.WriteString("id", issue.Issue.Id);
        w.WriteString("name", issue.Issue.Name);
        w.WriteStartArray("scale");
        w.WriteNumberValue(issue.Issue.ScaleLow);
        w.WriteNumberValue(issue.Issue.ScaleHigh);
        w.WriteEndArray();
        w.WriteStartArray("forecasts");
        foreach (var f in issue.Forecasts)
        {
            w.WriteStartObject();
            w.WriteString("model", f.Model);
            Number(w, "value", f.Value);
            w.WriteString("place", issue.Issue.PlaceAmongAnchors(f.Value));
            if (f.Note is not null)
            {
                w.WriteString("note", f.Note);
            }

            w.WriteStartArray("rounds");
            foreach (var r in f.Rounds)
            {
                WriteRound(w, issue.Input, r);
            }

            w.WriteEndArray();
            extension?.Invoke(w, issue, f);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>JSON has no NaN or infinity: a value a model could not produce is written as null.</summary>
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteRound(Utf8JsonWriter w, IssueInput input, RoundState r)
    {
        w.WriteStartObject();
        w.WriteNumber("round", r.Round);
        Number(w, "median", r.Median);
        Number(w, "mean", r.Mean);
        w.WriteStartObject("positions");
        for (var k = 0; k < r.Positions.Count; k++)
        {
            Number(w, input.ActorIds[k], r.Positions[k]);
        }

        w.WriteEndObject();
        if (r.RiskExponents is not null)
        {
            w.WriteStartObject("riskExponents");
            for (var k = 0; k < r.RiskExponents.Count; k++)
            {
                Number(w, input.ActorIds[k], r.RiskExponents[k]);
            }

            w.WriteEndObject();
        }

        if (r.Moves.Count > 0)
        {
            w.WriteStartArray("moves");
            foreach (var m in r.Moves)
            {
                w.WriteStartObject();
                w.WriteString("actor", input.ActorIds[m.Actor]);
                w.WriteString("toward", input.ActorIds[m.Toward]);
                w.WriteString("kind", m.Kind.ToString().ToLowerInvariant());
                w.WriteNumber("from", m.From);
                w.WriteNumber("to", m.To);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
