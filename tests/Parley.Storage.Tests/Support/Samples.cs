namespace Parley.Storage.Tests.Support;

/// <summary>Builders for scenario texts and runs used across the tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static string ScenarioText(string id = "eu-emissions", int version = 1) => $$"""
        id: {{id}}
        name: EU emissions target (v{{version}})
        issues:
          - id: target
            scale: [0, 100]
        actors:
          - { name: Germany, position: 55, salience: 80, capability: 0.2 }
          - { name: France, position: 60, salience: 70, capability: 0.15 }
        """;

    public static NewRun NewRun(string scenarioHash, string? id = null) => new()
    {
        Id = id,
        ScenarioHash = scenarioHash,
        Variant = "hawkish",
        Models = ["eum", "nash"],
        ParametersJson = """{"alpha":0.5,"rounds":10}""",
        Seed = 42,
        Draws = 1000,
        EngineVersion = "0.1.0",
        Command = "parley forecast eu.yaml --variant hawkish --json",
    };

    public static RunRecord CompletedRun(string id, string scenarioHash, int index = 0) => new()
    {
        Id = id,
        ScenarioHash = scenarioHash,
        Variant = index % 2 == 0 ? null : "v" + index,
        Models = ["eum", "model-" + index],
        ParametersJson = $$"""{"index":{{index}}}""",
        Seed = 1000 + index,
        Draws = 100 + index,
        EngineVersion = "0.1.0",
        Command = $"parley forecast s.yaml --seed {1000 + index} --json",
        StartedAt = T0.AddMinutes(index),
        EndedAt = T0.AddMinutes(index).AddSeconds(3),
        Status = RunStatus.Succeeded,
        ResultsJson = Results(index),
    };

    /// <summary>Results text with a trailing newline and non-ASCII text, as a CLI prints it.</summary>
    public static string Results(int index) =>
        $$"""{"run":{{index}},"outcome":{"target":{{index}}.125},"note":"Größe ±"}""" + "\n";
}
