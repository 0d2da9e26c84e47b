using System.Reflection;

namespace Parley.Formats.Embedded;

/// <summary>
/// The scenarios and step libraries shipped inside Parley (the repository's <c>scenarios/*.yaml</c>), shared by the
/// command line and the web app. Step libraries (<c>*-steps.yaml</c>) are resources but not scenarios.
/// </summary>
public static class EmbeddedScenarios
{
    /// <summary>The scenario run when no file is given.</summary>
    public const string DefaultId = "korea-2025";

    private const string Prefix = "scenarios/";

    /// <summary>Ids of the embedded scenarios (step libraries excluded), sorted ordinally.</summary>
    public static IReadOnlyList<string> Ids { get; } = Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Where(n => !n.EndsWith("-steps", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The YAML text of embedded scenario <paramref name="id"/>, or null when there is no such scenario.</summary>
    public static string? ReadText(string id) => Ids.Contains(id, StringComparer.Ordinal) ? ReadResource(id) : null;

    /// <summary>The YAML text of any embedded file by name without extension (a scenario or a step library), or null.</summary>
    public static string? ReadResource(string name)
    {
        using var stream = Assembly.GetManifestResourceStream($"{Prefix}{name}.yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file name shown in messages about an embedded file.</summary>
    public static string DisplayName(string name) => $"<embedded>/{name}.yaml";

    private static Assembly Assembly => typeof(EmbeddedScenarios).Assembly;
}
