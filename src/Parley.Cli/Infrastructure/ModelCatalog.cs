using Parley.Core.Models;
using Parley.Core.Models.Compromise;
using Parley.Core.Models.Eum;
using Parley.Core.Models.Exchange;
using Parley.Core.Models.Median;
using Parley.Core.Models.MultiIssue;

namespace Parley.Cli.Infrastructure;

/// <summary>Maps the --model option to model instances.</summary>
internal static class ModelCatalog
{
    /// <summary>Single-issue model ids, in display order; these can be simulated (Monte Carlo).</summary>
    public static IReadOnlyList<string> IssueModelIds { get; } = ["compromise", "median", "eum"];

    /// <summary>Multi-issue model ids, in display order; these run once, at the most-likely values.</summary>
    public static IReadOnlyList<string> ScenarioModelIds { get; } = ["smp", "exchange"];

    /// <summary>
    /// Parses a comma-separated list (or <c>all</c>); returns an error message for an unknown id. When
    /// <paramref name="allowScenarioModels"/> is false, <c>all</c> means the single-issue models and smp/exchange are refused.
    /// </summary>
    public static bool TryParse(string? spec, out IReadOnlyList<string> ids, out string error, bool allowScenarioModels = true)
    {
        error = string.Empty;
        IReadOnlyList<string> all = allowScenarioModels ? [.. IssueModelIds, .. ScenarioModelIds] : IssueModelIds;
        if (string.IsNullOrWhiteSpace(spec) || spec == "all")
        {
            ids = all;
            return true;
        }

        var list = new List<string>();
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "all")
            {
                list.AddRange(all);
            }
            else if (all.Contains(part))
            {
                list.Add(part);
            }
            else if (ScenarioModelIds.Contains(part))
            {
                ids = [];
                error = $"Model '{part}' is a multi-issue model that runs once at the most-likely values; this command simulates, so choose from: {string.Join(", ", IssueModelIds)}.";
                return false;
            }
            else
            {
                ids = [];
                error = $"Unknown model '{part}'. Choose from: {string.Join(", ", [.. all, "all"])} (comma-separated for several).";
                return false;
            }
        }

        ids = list.Distinct().ToList();
        return true;
    }

    /// <summary>Creates the single-issue models among <paramref name="ids"/>.</summary>
    public static IReadOnlyList<IIssueModel> Create(IEnumerable<string> ids, ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return ids.Where(IssueModelIds.Contains).Select(id => CreateIssueModel(id, parameters)).ToList();
    }

    /// <summary>Creates the multi-issue models among <paramref name="ids"/>.</summary>
    public static IReadOnlyList<IScenarioModel> CreateScenarioModels(IEnumerable<string> ids, ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return ids.Where(ScenarioModelIds.Contains).Select(id => CreateScenarioModel(id, parameters)).ToList();
    }

    private static IIssueModel CreateIssueModel(string id, ModelParameters p) => id switch
    {
        "compromise" => new CompromiseModel(),
        "median" => new MedianModel(),
        "eum" => new EumModel(p.EumOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown model."),
    };

    private static IScenarioModel CreateScenarioModel(string id, ModelParameters p) => id switch
    {
        "smp" => new SmpScenarioModel(),
        "exchange" => new ExchangeScenarioModel(p.Rounds is { } r ? ExchangeOptions.Default with { Rounds = r } : null),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown model."),
    };
}

/// <summary>Model parameters from the command line.</summary>
/// <param name="Rounds">Rounds of eum (τ) and exchange, or null for the defaults.</param>
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
