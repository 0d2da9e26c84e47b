namespace Parley.Reports.Charts;

/// <summary>
/// Element ids and CSS classes of the report's charts: <c>{kind}-{issueId}</c> ids, <c>chart-{kind}</c> classes.
/// Tests and the PNG exporter use the same names.
/// </summary>
public static class ChartIds
{
    /// <summary>Actors' positions on the issue's scale.</summary>
    public const string ActorMap = "actor-map";

    /// <summary>Each model's forecast with its 80% interval.</summary>
    public const string Forecast = "forecast";

    /// <summary>The eum model's rounds: every actor's position and the median.</summary>
    public const string Trajectory = "trajectory";

    /// <summary>Monte Carlo histogram per model with p10/p50/p90.</summary>
    public const string Histogram = "histogram";

    /// <summary>One-at-a-time sensitivity per model.</summary>
    public const string Tornado = "tornado";

    /// <summary>Paired variant − baseline differences per model.</summary>
    public const string Variants = "variants";

    /// <summary>The evidence table (HTML, not a chart).</summary>
    public const string Evidence = "evidence";

    /// <summary>Every chart kind, in report order (the evidence table last).</summary>
    public static IReadOnlyList<string> All { get; } = [ActorMap, Forecast, Trajectory, Histogram, Tornado, Variants, Evidence];

    /// <summary>The element id of chart <paramref name="kind"/> on <paramref name="issueId"/>.</summary>
    public static string Id(string kind, string issueId) => kind + "-" + issueId;

    /// <summary>The CSS class of chart <paramref name="kind"/>.</summary>
    public static string Class(string kind) => "chart-" + kind;
}
