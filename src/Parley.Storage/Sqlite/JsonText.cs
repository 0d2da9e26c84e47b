using System.Text;
using System.Text.Json;

namespace Parley.Storage.Sqlite;

/// <summary>The JSON columns: checks that caller text parses, and the models list's encoding.</summary>
internal static class JsonText
{
    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="name"/> unless the text is one JSON value (of <paramref name="kind"/> if given).</summary>
    public static void Require(string text, string name, JsonValueKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(text, name);
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (kind is { } k && doc.RootElement.ValueKind != k)
            {
                throw new ArgumentException($"{name} must be a JSON {k.ToString().ToLowerInvariant()}; got a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}.", name);
            }
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{name} is not valid JSON: {ex.Message}", name, ex);
        }
    }

    public static string EncodeModels(IReadOnlyList<string> models)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var model in models)
            {
                writer.WriteStringValue(model);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string[] DecodeModels(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var models = new string[doc.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var element in doc.RootElement.EnumerateArray())
        {
            models[i++] = element.GetString() ?? string.Empty;
        }

        return models;
    }
}
