namespace Parley.Storage;

/// <summary>
/// Which runs <see cref="RunStore.ListRuns"/> returns, newest first. Null criteria match everything.
/// </summary>
public sealed record RunFilter
{
    /// <summary>The most runs <see cref="RunStore.ListRuns"/> returns unless told otherwise.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Only runs of this scenario id (any version).</summary>
    public string? ScenarioId { get; init; }

    /// <summary>Only runs of this exact scenario version.</summary>
    public string? ScenarioHash { get; init; }

    /// <summary>Only runs in this state.</summary>
    public RunStatus? Status { get; init; }

    /// <summary>At most this many runs; range 1 to 10,000.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Skip this many matching runs first (for paging); at least 0.</summary>
    public int Offset { get; init; }
}
