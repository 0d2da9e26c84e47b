using System.Text.Json;
using Parley.Core.Scenarios;
using Parley.Testing;

namespace Parley.Formats.Tests.Steps;

/// <summary>
/// Minimal reader of shared/scenarios/korea-2025.json for these tests only (issues, actors, values; no variants),
/// so that the step library can be checked before the YAML scenario lands on main.
/// </summary>
internal static class KoreaScenarioJson
{
    public static Scenario Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.File("scenarios", "korea-2025.json")));
        var root = doc.RootElement;
        var issues = root.GetProperty("issues").EnumerateArray().Select(i => new Issue(
            i.GetProperty("id").GetString()!,
            i.GetProperty("name").GetString()!,
            null,
            0,
            100,
            true,
            [],
            i.GetProperty("statusQuo").ValueKind == JsonValueKind.Object ? Read(i.GetProperty("statusQuo")) : null,
            null,
            Evidence.None)).ToList();
        var actors = root.GetProperty("actors").EnumerateArray()
            .Select(a => new Actor(a.GetProperty("id").GetString()!, a.GetProperty("name").GetString()!, null, Evidence.None))
            .ToList();
        var values = root.GetProperty("values").EnumerateArray().Select(v => new ActorIssueValue(
            v.GetProperty("actor").GetString()!,
            v.GetProperty("issue").GetString()!,
            Read(v.GetProperty("position")),
            Read(v.GetProperty("salience")),
            Read(v.GetProperty("capability")),
            Evidence.None)).ToList();
        return new Scenario("korea-2025", "Korea 2025", ScenarioMetadata.Empty, issues, actors, values);
    }

    /// <summary>Capability × salience weighted mean of the most-likely positions (a stand-in for a model forecast).</summary>
    public static Dictionary<string, double> WeightedMeanForecast(Scenario scenario) =>
        scenario.Issues.ToDictionary(
            i => i.Id,
            i =>
            {
                var vals = scenario.ValuesOn(i.Id);
                var w = vals.Sum(v => v.Capability.Mode * v.Salience.Mode);
                return vals.Sum(v => v.Capability.Mode * v.Salience.Mode * v.Position.Mode) / w;
            });

    private static Estimate Read(JsonElement e) =>
        new(e.GetProperty("low").GetDouble(), e.GetProperty("mode").GetDouble(), e.GetProperty("high").GetDouble());
}
