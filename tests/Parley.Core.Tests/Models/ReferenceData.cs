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

/// <summary>
/// Numbers that shared/spec/eum.md §5 and §9 publish in prose and tables (the spec's own trajectory, which
/// an independent reference run produced); parsed from the spec so the tests never restate them.
/// </summary>
internal static class EumSpecData
{
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(SharedData.File("spec", "eum.md")));

    // The spec abbreviates the actors of emission-standards.csv.
    private static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>
    {
        ["NL"] = "Netherlands", ["BE"] = "Belgium", ["LU"] = "Luxembourg", ["DE"] = "Germany", ["FR"] = "France",
        ["IT"] = "Italy", ["UK"] = "UK", ["IE"] = "Ireland", ["DK"] = "Denmark", ["GR"] = "Greece",
    };

    /// <summary>§9 "this spec, median" row: round (1-based) → μ.</summary>
    public static IReadOnlyList<double> SpecMedians => TableRow("| this spec, median |");

    /// <summary>§9 "this spec, mean" row: round (1-based) → mean.</summary>
    public static IReadOnlyList<double> SpecMeans => TableRow("| this spec, mean |");

    /// <summary>§9 "Initial state: μ = …, mean = …".</summary>
    public static (double Median, double Mean) InitialState
    {
        get
        {
            var m = System.Text.RegularExpressions.Regex.Match(Text.Value, @"Initial state: μ = ([0-9]+(?:\.[0-9]+)?), mean = ([0-9]+(?:\.[0-9]+)?)");
            return (ReferenceData.Number(m.Groups[1].Value), ReferenceData.Number(m.Groups[2].Value));
        }
    }

    /// <summary>§9 "Rounds 9–12: …" values.</summary>
    public static IReadOnlyList<double> Rounds9To12
    {
        get
        {
            var m = System.Text.RegularExpressions.Regex.Match(Text.Value, @"Rounds 9–12: ([0-9., ]+)\.");
            return m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Select(ReferenceData.Number).ToArray();
        }
    }

    /// <summary>§5 "Reference r_i for round 1 of the test case (Q=1)": actor name → rᵢ.</summary>
    public static IReadOnlyDictionary<string, double> RoundOneRiskExponents
    {
        get
        {
            var start = Text.Value.IndexOf("Reference r_i for round 1", StringComparison.Ordinal);
            var end = Text.Value.IndexOf("## 6.", start, StringComparison.Ordinal);
            var block = Text.Value[start..end];
            block = block[(block.IndexOf("):", StringComparison.Ordinal) + 2)..];
            return System.Text.RegularExpressions.Regex.Matches(block, @"([A-Z]{2}) ([0-9.]+[0-9])")
                .ToDictionary(m => Abbreviations[m.Groups[1].Value], m => ReferenceData.Number(m.Groups[2].Value));
        }
    }

    private static double[] TableRow(string prefix)
    {
        var line = Text.Value.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(cell => ReferenceData.Number(cell.Trim('*')))
            .ToArray();
    }
}
