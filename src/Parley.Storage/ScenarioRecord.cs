namespace Parley.Storage;

/// <summary>
/// One stored version of a scenario. Versions are keyed by <see cref="Hash"/>, so saving the same text twice
/// stores it once; editing the scenario (even one character) stores a new version beside the old one.
/// </summary>
/// <param name="Hash">Lowercase hex SHA-256 (64 characters) of the UTF-8 bytes of <paramref name="Text"/>; see <see cref="ContentHash"/>.</param>
/// <param name="ScenarioId">The scenario's own id (e.g. <c>eu-emissions</c>); many versions may share one id.</param>
/// <param name="Name">The scenario's display name as first saved.</param>
/// <param name="Text">The canonical scenario text exactly as the caller gave it.</param>
/// <param name="Format">The text's format as the caller names it (e.g. <c>yaml</c>, <c>json</c>).</param>
/// <param name="FirstSeen">When this version was first saved (UTC, from the store's <see cref="TimeProvider"/>).</param>
public sealed record ScenarioRecord(
    string Hash,
    string ScenarioId,
    string Name,
    string Text,
    string Format,
    DateTimeOffset FirstSeen);
