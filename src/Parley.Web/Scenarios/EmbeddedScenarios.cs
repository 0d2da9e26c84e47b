namespace Parley.Web.Scenarios;

/// <summary>The scenarios shipped inside Parley.Web (the repository's <c>scenarios/*.yaml</c>, step libraries excluded).</summary>
public static class EmbeddedScenarios
{
    private const string Prefix = "scenarios/";

    /// <summary>Ids of the embedded scenarios, sorted ordinally.</summary>
    public static IReadOnlyList<string> Ids { get; } = typeof(EmbeddedScenarios).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Where(n => !n.EndsWith("-steps", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The YAML text of embedded scenario <paramref name="id"/>, or null when there is none.</summary>
    public static string? ReadText(string id)
    {
        if (!Ids.Contains(id, StringComparer.Ordinal))
        {
            return null;
        }

        using var stream = typeof(EmbeddedScenarios).Assembly.GetManifestResourceStream($"{Prefix}{id}.yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
