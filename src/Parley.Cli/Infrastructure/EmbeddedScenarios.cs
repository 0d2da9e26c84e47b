using System.Reflection;

namespace Parley.Cli.Infrastructure;

/// <summary>The scenarios shipped inside the <c>parley</c> executable (from the repository's <c>scenarios/</c> folder).</summary>
internal static class EmbeddedScenarios
{
    /// <summary>The scenario run when no file is given.</summary>
    public const string DefaultId = "korea-2025";

    private const string Prefix = "scenarios/";

    /// <summary>Ids of the embedded scenarios, sorted.</summary>
    public static IReadOnlyList<string> Ids { get; } = typeof(EmbeddedScenarios).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Where(n => !n.EndsWith("-steps", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The YAML text of an embedded resource, or null when there is none by that name.</summary>
    public static string? ReadText(string id)
    {
        using var stream = typeof(EmbeddedScenarios).Assembly.GetManifestResourceStream($"{Prefix}{id}.yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file name shown in messages about an embedded scenario.</summary>
    public static string DisplayName(string id) => $"<embedded>/{id}.yaml";

    /// <summary>Assembly that holds the resources (for tests).</summary>
    internal static Assembly Assembly => typeof(EmbeddedScenarios).Assembly;
}
