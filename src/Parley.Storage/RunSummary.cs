namespace Parley.Storage;

/// <summary>
/// One line of <see cref="RunStore.ListRuns"/>: a run without its parameters, results text or error, plus the
/// id and name of its scenario. Fetch the whole run with <see cref="RunStore.GetRun"/>.
/// </summary>
/// <param name="Id">The run id.</param>
/// <param name="ScenarioHash">The scenario version's content hash.</param>
/// <param name="ScenarioId">The scenario's own id.</param>
/// <param name="ScenarioName">The scenario's display name.</param>
/// <param name="Variant">The variant, or null for the base scenario.</param>
/// <param name="Models">Model ids in run order.</param>
/// <param name="Seed">The seed, or null.</param>
/// <param name="Draws">The draws, or null.</param>
/// <param name="Status">Running, succeeded or failed.</param>
/// <param name="StartedAt">Start time (UTC).</param>
/// <param name="EndedAt">End time (UTC), or null while running.</param>
/// <param name="ResultsSha256">Lowercase hex SHA-256 of the results' UTF-8 bytes, or null when there are none.</param>
public sealed record RunSummary(
    string Id,
    string ScenarioHash,
    string ScenarioId,
    string ScenarioName,
    string? Variant,
    IReadOnlyList<string> Models,
    long? Seed,
    int? Draws,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? ResultsSha256);
