using System.Globalization;
using System.Text.Json;
using Parley.Core.Uncertainty;

namespace Parley.Cli.Rendering;

/// <summary>Writes a forecast's <c>distribution</c> object (issue #3's contract plus extra fields).</summary>
internal static class DistributionJson
{
    public static ForecastJsonWriter.ForecastExtension Extension(MonteCarloForecast mc, SamplingDistribution kind) =>
        (w, issue, forecast) =>
        {
            var outcome = mc.Find(issue.Issue.Id, forecast.Model);
            if (outcome is not null)
            {
                Write(w, outcome.Distribution, kind);
            }
        };

    public static void Write(Utf8JsonWriter w, OutcomeDistribution d, SamplingDistribution kind)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(d);
        w.WriteStartObject("distribution");
        w.WriteNumber("draws", d.Count);
        w.WriteNumber("seed", d.Seed);
        w.WriteString("sampling", kind == SamplingDistribution.Pert ? "pert" : "triangular");
        w.WriteNumber("mean", d.Mean);
        w.WriteNumber("std", d.StandardDeviation);
        w.WriteNumber("min", d.Min);
        w.WriteNumber("max", d.Max);
        w.WriteNumber("p10", d.P10);
        w.WriteNumber("p50", d.P50);
        w.WriteNumber("p90", d.P90);
        if (d.Quantiles.Count > 0)
        {
            w.WriteStartObject("quantiles");
            foreach (var q in d.Quantiles)
            {
                w.WriteNumber("p" + (q.Probability * 100).ToString("0.###", CultureInfo.InvariantCulture), q.Value);
            }

            w.WriteEndObject();
        }

        if (d.Thresholds.Count > 0)
        {
            w.WriteStartArray("thresholds");
            foreach (var t in d.Thresholds)
            {
                w.WriteStartObject();
                w.WriteNumber("threshold", t.Threshold);
                w.WriteNumber("pAtLeast", t.AtLeast);
                w.WriteNumber("pAtMost", t.AtMost);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("histogram");
        w.WriteStartArray("edges");
        foreach (var e in d.Histogram.Edges)
        {
            w.WriteNumberValue(e);
        }

        w.WriteEndArray();
        w.WriteStartArray("counts");
        foreach (var c in d.Histogram.Counts)
        {
            w.WriteNumberValue(c);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
