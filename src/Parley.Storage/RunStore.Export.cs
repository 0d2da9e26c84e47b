using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Storage.Sqlite;

namespace Parley.Storage;

public sealed partial class RunStore
{
    /// <summary>The <c>format</c> member of every export document.</summary>
    public const string ExportFormat = "parley-run-export";

    /// <summary>The <c>formatVersion</c> of export documents this Parley writes.</summary>
    public const int ExportFormatVersion = 1;

    /// <summary>
    /// One self-contained JSON document (UTF-8 text, two-space indent, <c>\n</c> line ends) holding the run, its
    /// parameters, its scenario version's full text and its results, enough to rerun it elsewhere:
    /// <code>
    /// { "format": "parley-run-export", "formatVersion": 1,
    ///   "run": { "id", "status", "variant", "models", "seed", "draws", "engineVersion", "command",
    ///            "startedAt", "endedAt", "error" },
    ///   "parameters": { ... },
    ///   "scenario": { "hash", "id", "name", "format", "firstSeen", "text" },
    ///   "results": { ... } | null,
    ///   "resultsSha256": "..." | null }
    /// </code>
    /// <c>results</c> is the printed JSON re-indented for reading; <c>resultsSha256</c> is the digest of the exact
    /// printed bytes, so a rerun can still be checked byte for byte against an export.
    /// </summary>
    /// <param name="idOrPrefix">A run id or unique prefix, as for <see cref="GetRun"/>.</param>
    public string ExportRun(string idOrPrefix)
    {
        var run = GetRun(idOrPrefix);
        var scenario = GetScenario(run.ScenarioHash);

        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",

            // Scenario text is mostly prose; keep it readable. The document is a file, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("format", ExportFormat);
            w.WriteNumber("formatVersion", ExportFormatVersion);

            w.WriteStartObject("run");
            w.WriteString("id", run.Id);
            w.WriteString("status", RunRows.StatusText(run.Status));
            WriteNullable(w, "variant", run.Variant);
            w.WriteStartArray("models");
            foreach (var model in run.Models)
            {
                w.WriteStringValue(model);
            }

            w.WriteEndArray();
            if (run.Seed is { } seed)
            {
                w.WriteNumber("seed", seed);
            }
            else
            {
                w.WriteNull("seed");
            }

            if (run.Draws is { } draws)
            {
                w.WriteNumber("draws", draws);
            }
            else
            {
                w.WriteNull("draws");
            }

            w.WriteString("engineVersion", run.EngineVersion);
            w.WriteString("command", run.Command);
            w.WriteString("startedAt", Timestamps.ToText(run.StartedAt));
            WriteNullable(w, "endedAt", run.EndedAt is { } ended ? Timestamps.ToText(ended) : null);
            WriteNullable(w, "error", run.ErrorMessage);
            w.WriteEndObject();

            w.WritePropertyName("parameters");
            WriteJson(w, run.ParametersJson);

            w.WriteStartObject("scenario");
            w.WriteString("hash", scenario.Hash);
            w.WriteString("id", scenario.ScenarioId);
            w.WriteString("name", scenario.Name);
            w.WriteString("format", scenario.Format);
            w.WriteString("firstSeen", Timestamps.ToText(scenario.FirstSeen));
            w.WriteString("text", scenario.Text);
            w.WriteEndObject();

            w.WritePropertyName("results");
            if (run.ResultsJson is null)
            {
                w.WriteNullValue();
            }
            else
            {
                WriteJson(w, run.ResultsJson);
            }

            WriteNullable(w, "resultsSha256", run.ResultsJson is null ? null : ContentHash.Of(run.ResultsJson));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, string json)
    {
        using var document = JsonDocument.Parse(json);
        document.RootElement.WriteTo(writer);
    }
}
