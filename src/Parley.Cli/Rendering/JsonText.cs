using System.Text;
using System.Text.Json;

namespace Parley.Cli.Rendering;

/// <summary>
/// The one way commands write JSON: indented, UTF-8, numbers in .NET's shortest round-trip form (the same bytes on
/// every machine), ending with a newline.
/// </summary>
internal static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
