namespace Parley.Storage;

/// <summary>
/// One stored run: what was run (scenario version, variant, models, parameters, seed, draws, engine version,
/// command), when, how it ended, and the exact results text it printed.
/// </summary>
/// <remarks>
/// Immutable. Equality is by value, including the <see cref="Models"/> sequence and the ordinal text of the JSON
/// members. Invariants the store checks on save: <see cref="RunStatus.Running"/> has no end time, results or error;
/// <see cref="RunStatus.Succeeded"/> has an end time and results; <see cref="RunStatus.Failed"/> has an end time
/// and an error message; an end time is never before the start time.
/// </remarks>
public sealed record RunRecord
{
    /// <summary>The run id: 1 to 64 characters from <c>0-9 a-z - _</c> (the store makes 32 hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>Content hash of the scenario version run; see <see cref="ScenarioRecord.Hash"/>.</summary>
    public required string ScenarioHash { get; init; }

    /// <summary>The variant applied, or null for the base scenario.</summary>
    public string? Variant { get; init; }

    /// <summary>Model ids in the order the command ran them.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>The remaining parameters as a JSON object text, stored and returned verbatim.</summary>
    public string ParametersJson { get; init; } = "{}";

    /// <summary>The random seed, or null for a deterministic run.</summary>
    public long? Seed { get; init; }

    /// <summary>Monte Carlo draws, or null.</summary>
    public int? Draws { get; init; }

    /// <summary>The engine version that made the run.</summary>
    public required string EngineVersion { get; init; }

    /// <summary>The command line that made the run.</summary>
    public required string Command { get; init; }

    /// <summary>When the run started (UTC; stored to the tick, 100 ns).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC), or null while running.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Running, succeeded or failed.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>
    /// The results exactly as the CLI printed them (JSON, trailing newline included if printed), or null unless
    /// succeeded. Compare a rerun with <see cref="Rerun.ResultsComparison.Compare"/>.
    /// </summary>
    public string? ResultsJson { get; init; }

    /// <summary>Why the run failed, or null unless failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <inheritdoc/>
    public bool Equals(RunRecord? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(ScenarioHash, other.ScenarioHash, StringComparison.Ordinal)
        && string.Equals(Variant, other.Variant, StringComparison.Ordinal)
        && Models.SequenceEqual(other.Models, StringComparer.Ordinal)
        && string.Equals(ParametersJson, other.ParametersJson, StringComparison.Ordinal)
        && Seed == other.Seed
        && Draws == other.Draws
        && string.Equals(EngineVersion, other.EngineVersion, StringComparison.Ordinal)
        && string.Equals(Command, other.Command, StringComparison.Ordinal)
        && StartedAt == other.StartedAt
        && EndedAt == other.EndedAt
        && Status == other.Status
        && string.Equals(ResultsJson, other.ResultsJson, StringComparison.Ordinal)
        && string.Equals(ErrorMessage, other.ErrorMessage, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, ScenarioHash, Status, StartedAt);
}
