using Parley.Core.Models;
using Parley.Core.Models.Compromise;
using Parley.Core.Models.Eum;
using Parley.Core.Models.Median;
using Parley.Web.Api;

namespace Parley.Web.Runs;

/// <summary>The single-issue models the web app offers, by id.</summary>
public static class ModelIds
{
    /// <summary>Every model id, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [CompromiseModel.ModelId, MedianModel.ModelId, EumModel.ModelId];

    /// <summary>Checks <paramref name="ids"/> (null or empty: all), removing repeats and keeping order.</summary>
    /// <exception cref="WebInputException">An id is unknown.</exception>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? ids)
    {
        if (ids is null || ids.Count == 0)
        {
            return All;
        }

        foreach (var id in ids)
        {
            if (!All.Contains(id, StringComparer.Ordinal))
            {
                throw new WebInputException("Unknown model", $"Model '{id}' is not known. Choose from: {string.Join(", ", All)}.");
            }
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>New model instances for <paramref name="ids"/> (default options).</summary>
    public static IReadOnlyList<IIssueModel> Create(IEnumerable<string> ids) => ids.Select(Create).ToList();

    private static IIssueModel Create(string id) => id switch
    {
        CompromiseModel.ModelId => new CompromiseModel(),
        MedianModel.ModelId => new MedianModel(),
        EumModel.ModelId => new EumModel(new EumOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown model id."),
    };
}
