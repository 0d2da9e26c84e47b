using System.Globalization;
using System.Text.Json;
using Parley.Core.Models.Exchange;
using Parley.Formats.Decide;
using Parley.Testing;

namespace Parley.Formats.Tests.Decide;

/// <summary>
/// The exchange model against the Decide reference runs (shared/data/exchange/reference/equal_gain_det:
/// Equal Gain, deterministic ties, 10 rounds, HEAD move history), read through <see cref="DecideReader"/>.
/// </summary>
public sealed class ExchangeReferenceTests
{
    // Positions and gains are on a 0–100 scale and printed with 28 significant digits; 1e-9 absolute.
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Inputs => new() { "sample_data", "data_short", "copenhagen", "verkiezing_2012", "CoP21" };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Run_ReferenceInput_ReproducesRealisedExchanges(string name)
    {
        // Given the reference input and its realised exchanges
        var (result, _) = RunReference(name);
        var rows = ReadCsv(SharedData.File("data", "exchange", "reference", "equal_gain_det", $"{name}.exchanges.csv"));

        // When the exchanges of every round are flattened in order
        var actual = result.Rounds.SelectMany(r => r.Exchanges).ToList();

        // Then they are the same exchanges, in the same order, with the same gains and positions
        Assert.Equal(rows.Count, actual.Count);
        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            var e = actual[k];
            var where = $"{name} row {k + 1} (round {row["round"]}, seq {row["seq"]})";
            Assert.True(int.Parse(row["round"], CultureInfo.InvariantCulture) == e.Round, $"{where}: round {e.Round}");
            Assert.True(int.Parse(row["seq"], CultureInfo.InvariantCulture) == e.Sequence, $"{where}: seq {e.Sequence}");
            AssertSide(row, "i", e.I, where);
            AssertSide(row, "j", e.J, where);
            AssertClose(row["gain"], e.Gain, where + " gain");
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Run_ReferenceInput_ReproducesPositionsAndOutcomes(string name)
    {
        // Given the reference positions per round (start and voting) and the outcome (*NBS*) per issue
        var (result, _) = RunReference(name);
        var rows = ReadCsv(SharedData.File("data", "exchange", "reference", "equal_gain_det", $"{name}.positions.csv"));
        var issueIndex = result.IssueIds.Select((id, k) => (id, k)).ToDictionary(t => t.id, t => t.k);
        var actorIndex = result.ActorIds.Select((id, k) => (id, k)).ToDictionary(t => t.id, t => t.k);
        var checkedOutcomes = 0;

        foreach (var row in rows)
        {
            // When the matching snapshot is looked up (round N+1 start = after the last update)
            var round = int.Parse(row["round"], CultureInfo.InvariantCulture);
            var snapshot = row["phase"] switch
            {
                "start" when round == result.Rounds.Count + 1 => result.Final,
                "start" => result.Rounds[round - 1].Start,
                "voting" => result.Rounds[round - 1].Voting,
                var other => throw new InvalidDataException($"Unknown phase '{other}'."),
            };
            var issue = issueIndex[row["issue"]];
            var where = $"{name} round {round} {row["phase"]} {row["issue"]} {row["actor"]}";

            // Then positions and outcomes agree on both scales
            if (row["actor"] == "*NBS*")
            {
                AssertClose(row["position_0_100"], snapshot.Outcomes[issue], where);
                AssertClose(row["position_native"], snapshot.NativeOutcomes[issue], where + " native");
                checkedOutcomes++;
            }
            else
            {
                var actor = actorIndex[row["actor"]];
                AssertClose(row["position_0_100"], snapshot.Positions[issue][actor], where);
                AssertClose(row["position_native"], snapshot.NativePositions[issue][actor], where + " native");
            }
        }

        Assert.Equal(result.IssueIds.Count * ((2 * result.Rounds.Count) + 1), checkedOutcomes);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Run_ReferenceInput_ReproducesSummaryCounts(string name)
    {
        // Given the reference summary
        var (result, input) = RunReference(name);
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.File("data", "exchange", "reference", "equal_gain_det", $"{name}.summary.json")));
        var root = json.RootElement;

        // Then sizes and per-round counts agree
        Assert.Equal(root.GetProperty("actors").GetInt32(), input.ActorIds.Count);
        Assert.Equal(root.GetProperty("issues").GetInt32(), input.Issues.Count);
        Assert.Equal(root.GetProperty("actor_issues").GetInt32(), input.Values.Count);
        var rounds = root.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(rounds.Count, result.Rounds.Count);
        for (var r = 0; r < rounds.Count; r++)
        {
            Assert.Equal(rounds[r].GetProperty("candidates").GetInt32(), result.Rounds[r].Candidates);
            Assert.Equal(rounds[r].GetProperty("valid_candidates").GetInt32(), result.Rounds[r].ValidCandidates);
            Assert.Equal(rounds[r].GetProperty("realized").GetInt32(), result.Rounds[r].Exchanges.Count);
        }
    }

    internal static string InputFile(string name) =>
        SharedData.File("data", "exchange", "input", name == "sample_data" ? "sample_data.txt" : $"{name}.csv");

    private static (ExchangeResult Result, ExchangeInput Input) RunReference(string name)
    {
        var input = DecideReader.ReadExchangeInputFile(InputFile(name));
        return (ExchangeModel.Run(input, ExchangeOptions.Reference with { Rounds = 10 }), input);
    }

    private static void AssertSide(Dictionary<string, string> row, string side, ExchangeSide actual, string where)
    {
        Assert.True(row[$"{side}_actor"] == actual.ActorId, $"{where}: {side} actor {actual.ActorId}, expected {row[$"{side}_actor"]}");
        Assert.True(row[$"{side}_supply_issue"] == actual.SupplyIssueId, $"{where}: {side} supply {actual.SupplyIssueId}, expected {row[$"{side}_supply_issue"]}");
        Assert.True(row[$"{side}_demand_issue"] == actual.DemandIssueId, $"{where}: {side} demand {actual.DemandIssueId}");
        AssertClose(row[$"{side}_round_start_x"], actual.RoundStartX, $"{where} {side} x0");
        AssertClose(row[$"{side}_x"], actual.X, $"{where} {side} x");
        AssertClose(row[$"{side}_y"], actual.Y, $"{where} {side} y");
        AssertClose(row[$"{side}_move"], actual.Move, $"{where} {side} move");
        AssertClose(row[$"{side}_target"], actual.Target, $"{where} {side} target");
    }

    private static void AssertClose(string expected, double actual, string where)
    {
        var e = double.Parse(expected, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(e - actual) <= Tolerance, $"{where}: expected {expected}, got {actual.ToString("R", CultureInfo.InvariantCulture)} (tolerance {Tolerance})");
    }

    internal static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(';');
        return lines.Skip(1).Select(l =>
        {
            var f = l.Split(';');
            return header.Select((h, k) => (h, v: f[k])).ToDictionary(t => t.h, t => t.v);
        }).ToList();
    }
}
