namespace Parley.Core.Models.Exchange;

/// <summary>
/// The Stokman–Van Oosten exchange model as implemented in Decide's Equal Gain model (spec:
/// shared/spec/exchange.md): in each round every pair of actors on opposite sides of the outcome on two
/// issues may trade a move on the issue one cares less about for a move on the issue it cares more about;
/// exchanges are realised in order of gain, positions move part of the way towards the voting positions,
/// and the process repeats for a fixed number of rounds.
/// </summary>
/// <remarks>
/// Arithmetic is 28-significant-digit decimal with the reference's operation order, so deterministic runs
/// reproduce the reference's exchanges digit for digit. Stateless and thread-safe; a run with the same input
/// and options (seed included) always gives the same result, whatever <see cref="ExchangeOptions.MaxDegreeOfParallelism"/>.
/// </remarks>
public static class ExchangeModel
{
    /// <summary>Runs the model.</summary>
    /// <param name="input">Actors, issues and values.</param>
    /// <param name="options">Options; <see cref="ExchangeOptions.Default"/> when null.</param>
    public static ExchangeResult Run(ExchangeInput input, ExchangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= ExchangeOptions.Default;
        Guard.Positive(options.Rounds, nameof(options.Rounds));
        var engine = new ExchangeEngine(input, options);
        var data = engine.Run();
        var issueIds = input.Issues.Select(i => i.Id).ToArray();
        var actorIds = input.ActorIds.ToArray();
        var rounds = new List<ExchangeRound>(data.Count);
        foreach (var r in data)
        {
            var exchanges = new List<RealisedExchange>(r.Realised.Count);
            for (var k = 0; k < r.Realised.Count; k++)
            {
                var e = r.Realised[k];
                exchanges.Add(new RealisedExchange(
                    r.Round,
                    k + 1,
                    Side(e.I, e.J, actorIds, issueIds),
                    Side(e.J, e.I, actorIds, issueIds),
                    e.Gain.ToDoubleFast(),
                    e.I.Eu.ToDoubleFast(),
                    e.J.Eu.ToDoubleFast()));
            }

            rounds.Add(new ExchangeRound(r.Round, Snapshot(engine, r.Start), exchanges, Snapshot(engine, r.Voting), r.Candidates, r.ValidCandidates));
        }

        return new ExchangeResult(actorIds, issueIds, options, rounds, Snapshot(engine, engine.Positions));
    }

    private static ExchangeSide Side(CandidateSide s, CandidateSide partner, string[] actors, string[] issues) => new(
        actors[s.Actor],
        issues[s.Supply],
        issues[s.Demand],
        s.X0.ToDoubleFast(),
        s.X.ToDoubleFast(),
        s.Y.ToDoubleFast(),
        s.Move.ToDoubleFast(),
        partner.DemandPosition.ToDoubleFast(),
        s.N0.ToDoubleFast(),
        s.N1.ToDoubleFast());

    private static ExchangeSnapshot Snapshot(ExchangeEngine engine, Dec28[][] positions)
    {
        var issues = positions.Length;
        var pos = new IReadOnlyList<double>[issues];
        var native = new IReadOnlyList<double>[issues];
        var outcomes = new double[issues];
        var nativeOutcomes = new double[issues];
        var members = engine.Members;
        for (var i = 0; i < issues; i++)
        {
            var row = new double[positions[i].Length];
            var nrow = new double[positions[i].Length];
            Array.Fill(row, double.NaN);
            Array.Fill(nrow, double.NaN);
            foreach (var a in members[i])
            {
                row[a] = positions[i][a].ToDoubleFast();
                nrow[a] = engine.ToNative(i, positions[i][a]).ToDoubleFast();
            }

            pos[i] = row;
            native[i] = nrow;
            var o = engine.Outcome(positions, i);
            outcomes[i] = o.ToDoubleFast();
            nativeOutcomes[i] = engine.ToNative(i, o).ToDoubleFast();
        }

        return new ExchangeSnapshot(pos, native, outcomes, nativeOutcomes);
    }
}
