using System.Text.Json.Nodes;

namespace Parley.Core.Scenarios;

/// <summary>A named alternative to the baseline, expressed as deltas.</summary>
public sealed record Variant(string Id, string Name, string? Description, Evidence Evidence, IReadOnlyList<Delta> Deltas);

/// <summary>
/// A checkable claim. <see cref="Check"/> keeps the machine-checkable test as data
/// (kinds: outcome, actor-position, variant-difference, input, all, advise-rank, qualitative).
/// </summary>
public sealed record Prediction(string Id, string Statement, IReadOnlyList<string> Quotes, JsonObject? Check, string? Note);

/// <summary>A recommendation: moves an actor would try to bring about.</summary>
public sealed record Recommendation(
    string Id,
    int Number,
    string By,
    string? Target,
    string Text,
    IReadOnlyList<string> Quotes,
    string? EvaluateIn,
    IReadOnlyList<Delta> Moves,
    string? ExpectedEffect);

/// <summary>Who or what the scenario leaves out, and why.</summary>
public sealed record NotModelled(string Name, string Reason);

/// <summary>Title, source, date and authors of a scenario.</summary>
public sealed record ScenarioMetadata(string? Title, string? Source, string? Date, IReadOnlyList<string> Authors, IReadOnlyDictionary<string, string> Conventions)
{
    /// <summary>Nothing known.</summary>
    public static ScenarioMetadata Empty { get; } = new(null, null, null, [], new Dictionary<string, string>());

    /// <summary>How quotes in the evidence were taken from the source (verbatim, rejoined words, ...).</summary>
    public string? QuoteConvention { get; init; }

    /// <summary>Further citations the numbers rest on, one per entry.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Free-form remarks about the scenario as a whole.</summary>
    public string? Notes { get; init; }
}
