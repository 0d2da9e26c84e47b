using System.Globalization;
using Parley.Core.Models.Exchange;
using Parley.Formats.Decide;
using Parley.Testing;

namespace Parley.Formats.Tests.Decide;

/// <summary>
/// The exchange model's fast path (double estimates with error bounds, exact decimal only near decision
/// boundaries) against the all-decimal path (<see cref="ExchangeOptions.ExactArithmeticOnly"/>): results must be identical.
/// </summary>
public sealed class ExchangeArithmeticTests
{
    public static TheoryData<string, int> Inputs => new()
    {
        { "input/sample_data.txt", 10 },
        { "input/data_short.csv", 10 },
        { "input/copenhagen.csv", 10 },
        { "input/verkiezing_2012.csv", 10 },
        { "input/CoP21.csv", 10 },
        { "synthetic/synth_15x26.csv", 3 },
        { "synthetic/synth_30x13.csv", 3 },
        { "synthetic/synth_60x13.csv", 2 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Run_FastAndExactArithmetic_IdenticalResults(string file, int rounds)
    {
        // Given an input and both move-history rules
        var input = DecideReader.ReadExchangeInputFile(SharedData.File("data", "exchange", file));
        foreach (var options in new[] { ExchangeOptions.Reference, ExchangeOptions.Default })
        {
            var o = options with { Rounds = rounds };

            // When the model runs with and without the fast path
            var fast = Fingerprint(ExchangeModel.Run(input, o));
            var exact = Fingerprint(ExchangeModel.Run(input, o with { ExactArithmeticOnly = true }));

            // Then every count, exchange, number (bit for bit) and position is the same (exact)
            Assert.Equal(exact, fast);
            Assert.Contains(";1:1:", fast, StringComparison.Ordinal);
        }
    }

    private static string Fingerprint(ExchangeResult r)
    {
        var parts = new List<string>();
        foreach (var round in r.Rounds)
        {
            parts.Add(Invariant($"R{round.Round}:{round.Candidates}:{round.ValidCandidates}:{round.Exchanges.Count}"));
            parts.AddRange(round.Exchanges.Select(e => Invariant($"{e.Round}:{e.Sequence}:{Side(e.I)}/{Side(e.J)}:{e.Gain:R}:{e.GainI:R}:{e.GainJ:R}")));
            parts.Add(string.Join(",", round.Voting.Outcomes.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        parts.Add(string.Join(",", r.Final.Positions.SelectMany(p => p).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        return string.Join(";", parts);
    }

    private static string Side(ExchangeSide s) =>
        Invariant($"{s.ActorId}:{s.SupplyIssueId}:{s.RoundStartX:R}:{s.X:R}:{s.Y:R}:{s.Move:R}:{s.Target:R}:{s.OutcomeBefore:R}:{s.OutcomeAfter:R}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
