namespace Parley.Core.Models.Exchange;

/// <summary>One side of a realised exchange. Positions are on the model's internal 0–100 scale.</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="SupplyIssueId">The issue on which this actor moves.</param>
/// <param name="DemandIssueId">The issue on which the partner moves (towards this actor).</param>
/// <param name="RoundStartX">Position on the supply issue at the start of the round (0–100).</param>
/// <param name="X">Position on the supply issue when realised, after this round's earlier realised moves (0–100).</param>
/// <param name="Y">Voting position on the supply issue after the exchange (0–100).</param>
/// <param name="Move">Y − X.</param>
/// <param name="Target">The partner's round-start position on this supply issue (0–100).</param>
/// <param name="OutcomeBefore">Supply issue outcome with this actor at X, as seen by the exchange (0–100).</param>
/// <param name="OutcomeAfter">Supply issue outcome with this actor at Y (0–100).</param>
public sealed record ExchangeSide(
    string ActorId,
    string SupplyIssueId,
    string DemandIssueId,
    double RoundStartX,
    double X,
    double Y,
    double Move,
    double Target,
    double OutcomeBefore,
    double OutcomeAfter);

/// <summary>A realised exchange: side I supplies the issue side J demands and vice versa.</summary>
/// <param name="Round">1-based round.</param>
/// <param name="Sequence">1-based order of realisation within the round.</param>
/// <param name="I">The actor that values J's supply issue relatively more.</param>
/// <param name="J">The partner.</param>
/// <param name="Gain">Expected utility gain (equal for both sides under Equal Gain; the smaller one under Random Rate).</param>
/// <param name="GainI">I's gain.</param>
/// <param name="GainJ">J's gain.</param>
public sealed record RealisedExchange(int Round, int Sequence, ExchangeSide I, ExchangeSide J, double Gain, double GainI, double GainJ);

/// <summary>Positions and outcomes of all issues at one moment.</summary>
/// <remarks>
/// <see cref="Positions"/>[issue][actor] is NaN where the actor abstains. Outcome = Σ power·salience·position /
/// Σ power·salience over the actors on the issue (0 when the denominator is 0). <c>Native</c> arrays are in
/// the issue's own units, the others on the internal 0–100 scale.
/// </remarks>
public sealed record ExchangeSnapshot(
    IReadOnlyList<IReadOnlyList<double>> Positions,
    IReadOnlyList<IReadOnlyList<double>> NativePositions,
    IReadOnlyList<double> Outcomes,
    IReadOnlyList<double> NativeOutcomes);

/// <summary>One round: preferences at its start, the realised exchanges, voting positions after them.</summary>
/// <param name="Round">1-based.</param>
/// <param name="Start">Preference positions and outcomes at the start of the round.</param>
/// <param name="Exchanges">Realised exchanges in order.</param>
/// <param name="Voting">Voting positions (start positions plus the round's realised moves) and the resulting outcomes.</param>
/// <param name="Candidates">Candidate exchanges created (valid or not).</param>
/// <param name="ValidCandidates">Candidates that were valid when created.</param>
public sealed record ExchangeRound(int Round, ExchangeSnapshot Start, IReadOnlyList<RealisedExchange> Exchanges, ExchangeSnapshot Voting, int Candidates, int ValidCandidates);

/// <summary>
/// Result of <see cref="ExchangeModel.Run"/>. Index order of actors and issues is that of the input.
/// </summary>
/// <param name="ActorIds">Actors in input order.</param>
/// <param name="IssueIds">Issues in input order.</param>
/// <param name="Options">Options used (including the seed).</param>
/// <param name="Rounds">Rounds 1..N.</param>
/// <param name="Final">Preference positions after the last round's update (the start of round N+1).</param>
public sealed record ExchangeResult(
    IReadOnlyList<string> ActorIds,
    IReadOnlyList<string> IssueIds,
    ExchangeOptions Options,
    IReadOnlyList<ExchangeRound> Rounds,
    ExchangeSnapshot Final)
{
    /// <summary>
    /// Outcome of <paramref name="issueIndex"/> per round in native units: element 0 = the input's outcome,
    /// element r = the voting outcome of round r.
    /// </summary>
    public IReadOnlyList<double> NativeOutcomeSeries(int issueIndex)
    {
        var series = new List<double>(Rounds.Count + 1);
        if (Rounds.Count == 0)
        {
            series.Add(Final.NativeOutcomes[issueIndex]);
            return series;
        }

        series.Add(Rounds[0].Start.NativeOutcomes[issueIndex]);
        series.AddRange(Rounds.Select(r => r.Voting.NativeOutcomes[issueIndex]));
        return series;
    }

    /// <summary>
    /// Voting positions per round in native units: element 0 = the input positions, element r = the voting
    /// positions of round r; [round][issue][actor], NaN where the actor abstains.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> NativeVotingPositionSeries()
    {
        var series = new List<IReadOnlyList<IReadOnlyList<double>>>(Rounds.Count + 1)
        {
            Rounds.Count == 0 ? Final.NativePositions : Rounds[0].Start.NativePositions,
        };
        series.AddRange(Rounds.Select(r => r.Voting.NativePositions));
        return series;
    }
}
