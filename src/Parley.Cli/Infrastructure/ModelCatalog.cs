using Parley.Core.Models;
using Parley.Core.Models.Compromise;
using Parley.Core.Models.Eum;
using Parley.Core.Models.Median;

namespace Parley.Cli.Infrastructure;

/// <summary>Maps the --model option to model instances.</summary>
internal static class ModelCatalog
{
    /// <summary>Single-issue model ids, in display order.</summary>
    public static IReadOnlyList<string> IssueModelIds { get; } = ["compromise", "median", "eum"];

    /// <summary>Every accepted --model value.</summary>
    public static IReadOnlyList<string> Accepted => [.. IssueModelIds, "all"];

    /// <summary>Parses a comma-separated list (or <c>all</c>); returns an error message for an unknown id.</summary>
    public static bool TryParse(string? spec, out IReadOnlyList<string> ids, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(spec) || spec == "all")
        {
            ids = IssueModelIds;
            return true;
        }

        var list = new List<string>();
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "all")
            {
                list.AddRange(IssueModelIds);
            }
            else if (IssueModelIds.Contains(part))
            {
                list.Add(part);
            }
            else
            {
                ids = [];
                error = $"Unknown model '{part}'. Choose from: {string.Join(", ", Accepted)} (comma-separated for several).";
                return false;
            }
        }

        ids = list.Distinct().ToList();
        return true;
    }

    /// <summary>Creates the single-issue models named by <paramref name="ids"/>.</summary>
    public static IReadOnlyList<IIssueModel> Create(IEnumerable<string> ids, ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return ids.Select(id => Create(id, parameters)).ToList();
    }

    private static IIssueModel Create(string id, ModelParameters p) => id switch
    {
        "compromise" => new CompromiseModel(),
        "median" => new MedianModel(),
        "eum" => new EumModel(p.EumOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown model."),
    };
}

/// <summary>Model parameters from the command line.</summary>
/// <param name="Rounds">EUM rounds (τ), or null for the default.</param>
/// <param name="Q">EUM status-quo probability Q in [0,1], or null for the default (1).</param>
internal sealed record ModelParameters(int? Rounds, double? Q)
{
    public EumOptions EumOptions()
    {
        var options = new EumOptions();
        if (Rounds is { } r)
        {
            options = options with { Rounds = r };
        }

        if (Q is { } q)
        {
            options = options with { Q = q };
        }

        return options;
    }
}
