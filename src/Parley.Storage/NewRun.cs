namespace Parley.Storage;

/// <summary>
/// What <see cref="RunStore.BeginRun"/> needs to record a run before it produces results: everything required to
/// run it again. The store adds the id (unless given), the start time and the <see cref="RunStatus.Running"/> status.
/// </summary>
public sealed record NewRun
{
    /// <summary>Hash of a scenario version already saved with <see cref="RunStore.SaveScenario"/>.</summary>
    public required string ScenarioHash { get; init; }

    /// <summary>The variant applied to the scenario, or null for the base scenario.</summary>
    public string? Variant { get; init; }

    /// <summary>Ids of the models run, in the order the command used them. May be empty, never null.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>
    /// The run's remaining parameters as a JSON object (e.g. <c>{"draws":1000,"alpha":0.5}</c>); stored verbatim.
    /// Default: <c>{}</c>.
    /// </summary>
    public string ParametersJson { get; init; } = "{}";

    /// <summary>The random seed, or null for a deterministic run. Store an unsigned seed as <c>unchecked((long)seed)</c>.</summary>
    public long? Seed { get; init; }

    /// <summary>Monte Carlo draws (at least 1), or null when the run draws nothing.</summary>
    public int? Draws { get; init; }

    /// <summary>The engine version that made the run (e.g. the assembly informational version).</summary>
    public required string EngineVersion { get; init; }

    /// <summary>The command that made the run, as the user typed it (e.g. <c>parley forecast eu.yaml --json</c>).</summary>
    public required string Command { get; init; }

    /// <summary>
    /// The run id to use, or null to let the store make one (<see cref="RunIds.New"/>). Allowed: 1 to 64 characters
    /// from <c>0-9 a-z - _</c>.
    /// </summary>
    public string? Id { get; init; }
}
