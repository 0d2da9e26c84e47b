using System.Text;
using Parley.Formats.Embedded;
using Parley.Core.Scenarios;
using Parley.Formats;

namespace Parley.Cli.Infrastructure;

/// <summary>Turns a FILE argument (a path, an embedded id, or nothing) into a loaded scenario.</summary>
internal static class ScenarioResolver
{
    /// <summary>
    /// Loads <paramref name="file"/>: an existing path wins; otherwise an embedded scenario id; null means the default.
    /// </summary>
    /// <exception cref="ScenarioLoadException">The file is missing or has problems; every problem is listed.</exception>
    public static Scenario Resolve(string? file, ScenarioLoadOptions options) => ResolveWithSource(file, options).Scenario;

    /// <summary>Like <see cref="Resolve"/>, and also returns the text the scenario came from.</summary>
    public static (Scenario Scenario, ScenarioSource Source) ResolveWithSource(string? file, ScenarioLoadOptions options)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            file = EmbeddedScenarios.DefaultId;
        }

        if (File.Exists(file))
        {
            var bytes = ScenarioLoader.ReadFile(file, options);
            var loaded = ScenarioLoader.LoadBytes(bytes, file, options);

            // The bytes loaded, so they are UTF-8: the stored text is decoded from the same read.
            return (loaded, new ScenarioSource(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), Path.GetFileName(file)));
        }

        var id = Path.GetFileNameWithoutExtension(file);
        var text = (file == id || file == id + ".yaml") ? EmbeddedScenarios.ReadText(id) : null;
        if (text is not null)
        {
            var name = EmbeddedScenarios.DisplayName(id);
            return (ScenarioLoader.LoadText(text, name, options), new ScenarioSource(text, name));
        }

        if (Directory.Exists(file))
        {
            throw new ScenarioLoadException(Problem(file, "is a folder. Give a scenario file (.yaml, .yml, .json or .csv)."));
        }

        throw new ScenarioLoadException(Problem(
            file,
            $"no such file, and no embedded scenario of that name. Give a path to a .yaml, .yml, .json or .csv scenario, or one of: {string.Join(", ", EmbeddedScenarios.Ids)}."));
    }

    private static IReadOnlyList<ScenarioProblem> Problem(string file, string message) =>
        [new ScenarioProblem(new SourceLocation(file, 0, 0), string.Empty, message)];
}
