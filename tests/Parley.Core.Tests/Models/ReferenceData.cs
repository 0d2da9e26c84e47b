using System.Globalization;
using Parley.Core.Models;
using Parley.Testing;

namespace Parley.Core.Tests.Models;

/// <summary>Reads the published reference files in shared/data for the single-issue model tests.</summary>
internal static class ReferenceData
{
    /// <summary>BDM (1994) Table 1 via Scholz et al. (2011) Table 1, on the range of its positions (L = 6).</summary>
    public static IssueInput EmissionStandards()
    {
        var rows = Rows("emission-standards.csv");
        return IssueInput.CreateOnPositionRange(
            rows.Select(r => r["actor"]).ToArray(),
            rows.Select(r => Number(r["position"])).ToArray(),
            rows.Select(r => Number(r["salience"])).ToArray(),
            rows.Select(r => Number(r["capability"])).ToArray());
    }

    /// <summary>The rows of a CSV file in shared/data as header → cell maps (no quoting in these files).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(SharedData.File("data", file)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(l => (IReadOnlyDictionary<string, string>)header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))
            .ToArray();
    }

    /// <summary>Parses an invariant-culture number.</summary>
    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Round → value from a two-column CSV such as emission-standards.expected.csv.</summary>
    public static IReadOnlyDictionary<int, double> ByRound(string file, string column) =>
        Rows(file).ToDictionary(r => int.Parse(r["round"], CultureInfo.InvariantCulture), r => Number(r[column]));
}
