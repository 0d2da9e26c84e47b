namespace Parley.Core.Scenarios;

/// <summary>Where a number or a choice comes from.</summary>
/// <param name="Source">Kind of source, e.g. <c>chapter</c>, <c>chapter+analyst</c>, <c>analyst</c>, or a citation.</param>
/// <param name="Quotes">Verbatim excerpts supporting it.</param>
/// <param name="Note">The analyst's reasoning.</param>
public sealed record Evidence(string? Source, IReadOnlyList<string> Quotes, string? Note)
{
    /// <summary>No evidence.</summary>
    public static Evidence None { get; } = new(null, [], null);

    /// <summary>True when nothing is recorded.</summary>
    public bool IsEmpty => Source is null && Quotes.Count == 0 && Note is null;
}
