namespace Parley.Core.Models.Eum;

/// <summary>
/// Bueno de Mesquita's expected-utility ("challenge") model as reconstructed by Scholz, Calbert &amp; Smith (2011),
/// implemented exactly as shared/spec/eum.md. Actors exchange challenges for τ rounds; the forecast is the
/// capability × salience weighted median of the positions after the final round, in native units.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Cost per round is O(n²) exponentials and additions (docs/models.md); memory is about 52·n² bytes.
/// The trace has round 0 (initial state) and one entry per round run, with the risk exponents used and the moves made.
/// The model does not converge in general: the forecast depends on τ.
/// </remarks>
public sealed class EumModel : IIssueModel
{
    /// <summary>The model id, <c>eum</c>.</summary>
    public const string ModelId = "eum";

    /// <summary>Creates the model with <paramref name="options"/> (default: <see cref="EumOptions.Default"/>).</summary>
    public EumModel(EumOptions? options = null)
    {
        Options = options ?? EumOptions.Default;
    }

    /// <summary>The settings this model runs with.</summary>
    public EumOptions Options { get; }

    /// <inheritdoc/>
    public string Id => ModelId;

    /// <inheritdoc/>
    public IssueForecast Run(IssueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var engine = new EumEngine(Math.Max(1, input.Count));
        engine.Load(input, Options);
        var rounds = new List<RoundState> { new(0, engine.Median, engine.Mean(), engine.Positions.ToArray(), null, Array.Empty<Move>()) };
        if (engine.IsTrivial)
        {
            return new IssueForecast(ModelId, engine.Median, rounds, "All positions are equal; no rounds were run.");
        }

        string? note = null;
        for (var t = 1; t <= Options.Rounds; t++)
        {
            engine.PrepareRound();
            var risk = engine.RiskExponents.ToArray();
            engine.ChooseOffers();
            var moves = new List<Move>();
            var from = engine.Positions;
            var to = engine.NextPositions;
            for (var i = 0; i < engine.Count; i++)
            {
                var target = engine.MoveTargets[i];
                if (target != EumEngine.NoMove)
                {
                    moves.Add(new Move(i, target, engine.MoveKinds[i], from[i], to[i]));
                }
            }

            var changed = engine.ApplyMoves();
            rounds.Add(new RoundState(t, engine.Median, engine.Mean(), engine.Positions.ToArray(), risk, moves));
            if (!changed)
            {
                note = $"Fixed point reached in round {t}: no position changed, so later rounds would repeat it.";
                break;
            }
        }

        return new IssueForecast(ModelId, engine.Median, rounds, note);
    }

    /// <inheritdoc/>
    /// <remarks>The solver holds about 52·n² bytes for n = <paramref name="maxActors"/> (52 MB at n = 1,000).</remarks>
    public IIssueSolver CreateSolver(int maxActors) => new Solver(new EumEngine(Guard.Positive(maxActors)), Options);

    private sealed class Solver(EumEngine engine, EumOptions options) : IIssueSolver
    {
        public double Solve(IssueInput input)
        {
            engine.Load(input, options);
            return engine.Solve(options.Rounds);
        }
    }
}
