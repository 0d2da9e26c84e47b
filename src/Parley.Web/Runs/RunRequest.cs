using System.Text.Json;

namespace Parley.Web.Runs;

/// <summary>
/// The body of <c>POST /api/runs</c>: which scenario (exactly one of <see cref="ScenarioId"/>,
/// <see cref="ScenarioText"/> or <see cref="Scenario"/>), which variant, models, draws and seed.
/// </summary>
public sealed record RunRequest
{
    /// <summary>A scenario id (newest saved version, else the embedded one) or a stored version's 64-hex hash.</summary>
    public string? ScenarioId { get; init; }

    /// <summary>An inline scenario as YAML or JSON text (see <see cref="ScenarioFormat"/>); saved as a version before the run.</summary>
    public string? ScenarioText { get; init; }

    /// <summary>Format of <see cref="ScenarioText"/>: <c>yaml</c> (default) or <c>json</c>.</summary>
    public string? ScenarioFormat { get; init; }

    /// <summary>An inline scenario as a JSON object in Parley's JSON scenario format.</summary>
    public JsonElement? Scenario { get; init; }

    /// <summary>A variant id of the scenario, or null (or <c>baseline</c>) for the baseline.</summary>
    public string? Variant { get; init; }

    /// <summary>Model ids: <c>compromise</c>, <c>median</c>, <c>eum</c>; null or empty for all three.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>Monte Carlo draws. Range: 0 (most-likely values only) to <see cref="WebLimits.MaxDraws"/>. Default 1000.</summary>
    public int? Draws { get; init; }

    /// <summary>Seed of the random stream. Default 1. The results are a pure function of scenario, variant, models, draws and seed.</summary>
    public ulong? Seed { get; init; }
}

/// <summary>The body of <c>POST /api/compare</c>: paired Monte Carlo comparison of variants with the baseline.</summary>
public sealed record CompareRequest
{
    /// <summary>A scenario id or stored version hash.</summary>
    public string? ScenarioId { get; init; }

    /// <summary>Variant ids to compare; null or empty for all of the scenario's variants.</summary>
    public IReadOnlyList<string>? Variants { get; init; }

    /// <summary>Model ids; null or empty for all.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>Draws. Range: 1 to <see cref="WebLimits.MaxDraws"/>. Default 1000.</summary>
    public int? Draws { get; init; }

    /// <summary>Seed. Default 1.</summary>
    public ulong? Seed { get; init; }
}
