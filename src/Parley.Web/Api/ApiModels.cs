using System.Text.Json;
using Parley.Core.Scenarios;
using Parley.Storage;
using Parley.Web.Runs;
using Parley.Web.Scenarios;

namespace Parley.Web.Api;

/// <summary>A scenario as <c>GET /api/scenarios/{id}</c> shows it.</summary>
public sealed record ScenarioView(
    string Id,
    string Name,
    string Hash,
    string Origin,
    string Format,
    IReadOnlyList<IssueView> Issues,
    IReadOnlyList<ActorView> Actors,
    IReadOnlyList<VariantView> Variants,
    IReadOnlyList<ValueView> Values)
{
    internal static ScenarioView From(ScenarioSource source)
    {
        var s = source.Scenario;
        return new ScenarioView(
            s.Id,
            s.Name,
            source.Hash,
            source.Origin.ToString().ToLowerInvariant(),
            source.Format,
            s.Issues.Select(i => new IssueView(i.Id, i.Name, i.ScaleLow, i.ScaleHigh)).ToList(),
            s.Actors.Select(a => new ActorView(a.Id, a.Name)).ToList(),
            s.Variants.Select(v => new VariantView(v.Id, v.Name)).ToList(),
            s.Values.Select(v => new ValueView(v.ActorId, v.IssueId, EstimateView.From(v.Position), EstimateView.From(v.Salience), EstimateView.From(v.Capability), v.Evidence.Note)).ToList());
    }
}

/// <summary>An issue and its scale.</summary>
public sealed record IssueView(string Id, string Name, double ScaleLow, double ScaleHigh);

/// <summary>An actor.</summary>
public sealed record ActorView(string Id, string Name);

/// <summary>A variant.</summary>
public sealed record VariantView(string Id, string Name);

/// <summary>Low, most likely and high.</summary>
public sealed record EstimateView(double Low, double Mode, double High)
{
    internal static EstimateView From(Estimate e) => new(e.Low, e.Mode, e.High);
}

/// <summary>One actor's value on one issue.</summary>
public sealed record ValueView(string Actor, string Issue, EstimateView Position, EstimateView Salience, EstimateView Capability, string? EvidenceNote);

/// <summary>A saved scenario version.</summary>
public sealed record SavedScenarioView(string Id, string Name, string Hash, string Format);

/// <summary>A stored run as the API shows it; <see cref="Results"/> is the stored results document, parsed.</summary>
public sealed record RunView(
    string Id,
    string Status,
    string ScenarioHash,
    string? Variant,
    IReadOnlyList<string> Models,
    long? Seed,
    int? Draws,
    string EngineVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Error,
    JsonElement? Results)
{
    internal static RunView From(RunRecord r)
    {
        JsonElement? results = null;
        if (r.ResultsJson is { } json)
        {
            using var doc = JsonDocument.Parse(json);
            results = doc.RootElement.Clone();
        }

        return new RunView(r.Id, r.Status.ToString().ToLowerInvariant(), r.ScenarioHash, r.Variant, r.Models, r.Seed, r.Draws, r.EngineVersion, r.StartedAt, r.EndedAt, r.ErrorMessage, results);
    }
}

/// <summary>A line of <c>GET /api/runs</c>.</summary>
public sealed record RunSummaryView(
    string Id,
    string Status,
    string ScenarioId,
    string ScenarioName,
    string ScenarioHash,
    string? Variant,
    IReadOnlyList<string> Models,
    long? Seed,
    int? Draws,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? ResultsSha256)
{
    internal static RunSummaryView From(RunSummary r) =>
        new(r.Id, r.Status.ToString().ToLowerInvariant(), r.ScenarioId, r.ScenarioName, r.ScenarioHash, r.Variant, r.Models, r.Seed, r.Draws, r.StartedAt, r.EndedAt, r.ResultsSha256);
}

/// <summary>The answer of <c>POST /api/compare</c>.</summary>
public sealed record ComparisonView(string ScenarioId, int Draws, ulong Seed, IReadOnlyList<DifferenceView> Differences);

/// <summary>Variant minus baseline for one issue and model, over paired draws.</summary>
public sealed record DifferenceView(string Variant, string Issue, string Model, double BaselineDeterministic, double VariantDeterministic, double Mean, double P10, double P50, double P90, double ProbabilityPositive, double ProbabilityNegative);
