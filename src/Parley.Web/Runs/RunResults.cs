using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Web.Runs;

/// <summary>
/// The results document a web run stores (<see cref="Storage.RunRecord.ResultsJson"/>): every model's forecast on
/// every issue, at the most-likely values and over the Monte Carlo draws. Positions are in each issue's own units.
/// </summary>
/// <param name="ScenarioId">The scenario's id.</param>
/// <param name="ScenarioName">Its display name.</param>
/// <param name="ScenarioHash">The content hash of the exact scenario text run.</param>
/// <param name="Variant">The variant applied, or null.</param>
/// <param name="Models">Model ids in run order.</param>
/// <param name="Draws">Monte Carlo draws (0: most-likely values only).</param>
/// <param name="Seed">The seed.</param>
/// <param name="Issues">One entry per issue someone has a value on, in scenario order.</param>
public sealed record RunResults(
    string ScenarioId,
    string ScenarioName,
    string ScenarioHash,
    string? Variant,
    IReadOnlyList<string> Models,
    int Draws,
    ulong Seed,
    IReadOnlyList<IssueResult> Issues)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The stored text: indented JSON with <c>\n</c> line ends and a trailing newline; numbers in shortest round-trip
    /// form, so equal results give byte-identical text.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>Reads a document written by <see cref="ToJson"/>.</summary>
    public static RunResults FromJson(string json) =>
        JsonSerializer.Deserialize<RunResults>(json, Options) ?? throw new JsonException("The results document is null.");
}

/// <summary>The models' forecasts on one issue.</summary>
/// <param name="Id">Issue id.</param>
/// <param name="Name">Issue name.</param>
/// <param name="ScaleLow">Start of the issue's scale.</param>
/// <param name="ScaleHigh">End of the issue's scale.</param>
/// <param name="Forecasts">One per model, in run order.</param>
public sealed record IssueResult(string Id, string Name, double ScaleLow, double ScaleHigh, IReadOnlyList<ModelResult> Forecasts);

/// <summary>One model's forecast on one issue.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Deterministic">The forecast with every value at its most-likely value.</param>
/// <param name="Simulated">The Monte Carlo summary, or null when the run drew nothing.</param>
public sealed record ModelResult(string Model, double Deterministic, OutcomeSummary? Simulated);

/// <summary>The simulated outcomes of one model on one issue.</summary>
/// <param name="Mean">Mean outcome.</param>
/// <param name="StandardDeviation">Sample standard deviation.</param>
/// <param name="Min">Smallest outcome.</param>
/// <param name="Max">Largest outcome.</param>
/// <param name="P10">10th percentile (type 7).</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile: [P10, P90] holds 80% of the draws.</param>
/// <param name="HistogramEdges">Bin edges, one more than <paramref name="HistogramCounts"/>.</param>
/// <param name="HistogramCounts">Draws per equal-width bin.</param>
public sealed record OutcomeSummary(
    double Mean,
    double StandardDeviation,
    double Min,
    double Max,
    double P10,
    double P50,
    double P90,
    IReadOnlyList<double> HistogramEdges,
    IReadOnlyList<long> HistogramCounts);
