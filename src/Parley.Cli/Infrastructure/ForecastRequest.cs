using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Cli.Rendering;
using Parley.Core.Forecasting;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;

namespace Parley.Cli.Infrastructure;

/// <summary>
/// Everything a forecast depends on besides the scenario text: stored with each run so that
/// <c>parley runs rerun</c> can repeat it exactly. Thread count is left out on purpose: results do not depend on it.
/// </summary>
internal sealed record ForecastRequest
{
    public string? Variant { get; init; }

    public string Models { get; init; } = "all";

    public int? Rounds { get; init; }

    public double? Q { get; init; }

    public int Draws { get; init; }

    public ulong Seed { get; init; } = 1;

    public string Dist { get; init; } = "triangular";

    public IReadOnlyList<double> Quantiles { get; init; } = [];

    public IReadOnlyList<double> Thresholds { get; init; } = [];

    public double[]? Scale { get; init; }

    /// <summary>The scenario's file name (for format detection on reload) or embedded id.</summary>
    public string SourceName { get; init; } = string.Empty;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ForecastRequest FromJson(string json) =>
        JsonSerializer.Deserialize<ForecastRequest>(json, Json) ?? throw new UserInputException("The stored run has no forecast parameters.");
}

/// <summary>Runs a <see cref="ForecastRequest"/> and renders its JSON contract; shared by forecast and runs rerun.</summary>
internal static class ForecastRunner
{
    public sealed record Outcome(ScenarioForecast Forecast, MonteCarloForecast? Simulation, string Json);

    public static Outcome Run(Scenario baseline, ForecastRequest request, int? threads, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scenario = VariantResolver.Apply(baseline, request.Variant);
        if (!ModelCatalog.TryParse(request.Models, out var ids, out var error))
        {
            throw new UserInputException(error);
        }

        var parameters = new ModelParameters(request.Rounds, request.Q);
        var models = ModelCatalog.Create(ids, parameters);
        var forecast = ScenarioForecaster.Run(scenario, models, ModelCatalog.CreateScenarioModels(ids, parameters));
        MonteCarloForecast? mc = null;
        var kind = request.Dist == "pert" ? SamplingDistribution.Pert : SamplingDistribution.Triangular;
        if (request.Draws > 0 && models.Count > 0)
        {
            var options = new MonteCarloOptions
            {
                Draws = request.Draws,
                Seed = request.Seed,
                Distribution = kind,
                MaxDegreeOfParallelism = threads,
                Quantiles = request.Quantiles,
                Thresholds = request.Thresholds,
            };
            mc = new MonteCarloEngine(options).Run(scenario, models, progress, cancellationToken);
        }

        var json = ForecastJsonWriter.Write(forecast, mc is null ? null : DistributionJson.Extension(mc, kind));
        return new Outcome(forecast, mc, json);
    }
}
