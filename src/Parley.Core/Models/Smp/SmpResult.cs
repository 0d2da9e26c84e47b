namespace Parley.Core.Models.Smp;

/// <summary>Why a run stopped.</summary>
public enum SmpStopReason
{
    /// <summary>A step moved positions less than <see cref="SmpOptions.MinDeltaRatio"/> of the first step (after <see cref="SmpOptions.MinTurns"/>).</summary>
    Converged,
    /// <summary><see cref="SmpOptions.MaxTurns"/> steps were made.</summary>
    MaxTurns,
}

/// <summary>A bargain proposed in a step: initiator i challenged receiver j and proposes new positions for both.</summary>
/// <param name="Initiator">Actor index of i.</param>
/// <param name="Receiver">Actor index of j.</param>
/// <param name="InitiatorPosition">Proposed position of i per dimension, 0–100.</param>
/// <param name="ReceiverPosition">Proposed position of j per dimension, 0–100.</param>
/// <param name="Probability">i's estimate of the probability that it beats j, [0, 1].</param>
/// <param name="Gain">i's expected utility gain from the challenge (utility on [0, 1] scale), &gt; 0.</param>
public sealed record SmpBargain(int Initiator, int Receiver, IReadOnlyList<double> InitiatorPosition, IReadOnlyList<double> ReceiverPosition, double Probability, double Gain);

/// <summary>The state after a step (turn 0 = the input). Immutable.</summary>
public sealed class SmpTurn
{
    private readonly double[] _positions;
    private readonly int _dims;

    internal SmpTurn(int turn, int actors, int dims, double[] positions, double[] winProbabilities, double[] riskAttitudes, double movement, double? convergenceRatio, IReadOnlyList<SmpBargain> bargains, IReadOnlyList<int> chosen)
    {
        Turn = turn;
        ActorCount = actors;
        _dims = dims;
        _positions = positions;
        // Read-only wrappers: a caller cannot cast the lists back to arrays and change a finished result.
        WinProbabilities = Array.AsReadOnly(winProbabilities);
        RiskAttitudes = Array.AsReadOnly(riskAttitudes);
        Movement = movement;
        ConvergenceRatio = convergenceRatio;
        Bargains = bargains.ToArray().AsReadOnly();
        Chosen = chosen.ToArray().AsReadOnly();
    }

    /// <summary>0 for the input state, t after t steps.</summary>
    public int Turn { get; }

    /// <summary>N.</summary>
    public int ActorCount { get; }

    /// <summary>Probability that each actor's position wins an election among the distinct positions, [0, 1]; actors on one position share it.</summary>
    public IReadOnlyList<double> WinProbabilities { get; }

    /// <summary>Each actor's risk attitude R in this state (range set by <see cref="SmpOptions.BigRRange"/>; 1 = most risk-averse).</summary>
    public IReadOnlyList<double> RiskAttitudes { get; }

    /// <summary>Σ over actors of the Euclidean distance moved in this step, positions on [0, 1]; 0 for turn 0.</summary>
    public double Movement { get; }

    /// <summary>Movement / (first step's movement + <see cref="SmpOptions.MinSignificantDelta"/>); null for turn 0. KTAB's convergence measure.</summary>
    public double? ConvergenceRatio { get; }

    /// <summary>The bargains proposed in the step that led here (empty for turn 0), in initiator order.</summary>
    public IReadOnlyList<SmpBargain> Bargains { get; }

    /// <summary>Per actor, the index into <see cref="Bargains"/> it adopted in that step, or −1 for the status quo (empty for turn 0).</summary>
    public IReadOnlyList<int> Chosen { get; }

    /// <summary>Position of <paramref name="actor"/> on <paramref name="dimension"/>, 0–100.</summary>
    public double Position(int actor, int dimension) => _positions[(actor * _dims) + dimension];
}

/// <summary>The history of an SMP run. Immutable.</summary>
public sealed class SmpResult
{
    internal SmpResult(SmpInput input, SmpOptions options, IReadOnlyList<SmpTurn> turns, SmpStopReason stopReason, IReadOnlyList<string> messages)
    {
        Input = input;
        Options = options;
        Turns = turns;
        StopReason = stopReason;
        Messages = messages;
    }

    /// <summary>The input that was run.</summary>
    public SmpInput Input { get; }

    /// <summary>The options used (seed included).</summary>
    public SmpOptions Options { get; }

    /// <summary>States 0..<see cref="Steps"/>.</summary>
    public IReadOnlyList<SmpTurn> Turns { get; }

    /// <summary>Number of steps made (turns after turn 0).</summary>
    public int Steps => Turns.Count - 1;

    /// <summary>Why the run stopped.</summary>
    public SmpStopReason StopReason { get; }

    /// <summary>Input notes and guard messages (e.g. risk attitudes set to 0 because all positions were equally likely).</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>The last state.</summary>
    public SmpTurn Final => Turns[^1];

    /// <summary>Index of the dimension (issue) with id <paramref name="dimensionId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such dimension; the message lists the known ones.</exception>
    public int DimensionIndex(string dimensionId)
    {
        for (var k = 0; k < Input.DimensionCount; k++)
        {
            if (Input.DimensionIds[k] == dimensionId)
            {
                return k;
            }
        }

        throw new KeyNotFoundException($"Unknown dimension '{dimensionId}'. Known: {string.Join(", ", Input.DimensionIds)}.");
    }

    /// <summary>Position of <paramref name="actor"/> on <paramref name="dimension"/> after <paramref name="turn"/> steps, 0–100.</summary>
    public double Position(int turn, int actor, int dimension) => Turns[turn].Position(actor, dimension);

    /// <summary>As <see cref="Position"/>, in the dimension's native units.</summary>
    public double PositionNative(int turn, int actor, int dimension) => Input.Scales[dimension].ToNative(Position(turn, actor, dimension));

    /// <summary>Every actor's position on <paramref name="dimension"/> in every turn, native units: [turn][actor].</summary>
    public double[][] PositionsNative(int dimension) =>
        Turns.Select(t => Enumerable.Range(0, Input.ActorCount).Select(a => PositionNative(t.Turn, a, dimension)).ToArray()).ToArray();

    /// <summary>
    /// Parley's SMP outcome on <paramref name="dimension"/> after <paramref name="turn"/> steps (default: the last), native
    /// units: the mean of the positions weighted by effective power c_i·s_id (KTAB's per-dimension power); capability-weighted
    /// when nobody finds the dimension salient.
    /// </summary>
    public double Outcome(int dimension, int? turn = null)
    {
        var t = Turns[turn ?? Steps];
        double sum = 0, weight = 0, capSum = 0, capWeight = 0;
        for (var a = 0; a < Input.ActorCount; a++)
        {
            var w = Input.Capability(a) * Input.Salience(a, dimension);
            sum += w * t.Position(a, dimension);
            weight += w;
            capSum += Input.Capability(a) * t.Position(a, dimension);
            capWeight += Input.Capability(a);
        }

        return Input.Scales[dimension].ToNative(weight > 0 ? sum / weight : capSum / capWeight);
    }

    /// <summary>The position (native units) on <paramref name="dimension"/> of the actor whose position is most likely to win in the last state (first such actor on ties).</summary>
    public double MostLikelyPosition(int dimension)
    {
        var f = Final;
        var best = 0;
        for (var a = 1; a < Input.ActorCount; a++)
        {
            if (f.WinProbabilities[a] > f.WinProbabilities[best])
            {
                best = a;
            }
        }

        return PositionNative(Steps, best, dimension);
    }

    /// <summary>
    /// The history of one dimension as Parley's single-issue forecast: value = <see cref="Outcome"/>, one round per turn with
    /// native positions, the effective-power weighted median and mean, and the actors' risk attitudes.
    /// Actor order is <see cref="SmpInput.ActorIds"/> (all actors, including those with salience 0 on the dimension).
    /// </summary>
    public IssueForecast ToIssueForecast(int dimension)
    {
        var rounds = new List<RoundState>();
        foreach (var t in Turns)
        {
            var pos = Enumerable.Range(0, Input.ActorCount).Select(a => PositionNative(t.Turn, a, dimension)).ToArray();
            var w = Enumerable.Range(0, Input.ActorCount).Select(a => Input.Capability(a) * Input.Salience(a, dimension)).ToArray();
            rounds.Add(new RoundState(t.Turn, WeightedMedian(pos, w), Outcome(dimension, t.Turn), pos, t.RiskAttitudes, []));
        }

        var note = $"SMP: {Steps} steps, {(StopReason == SmpStopReason.Converged ? "converged" : "stopped at the turn limit")}.";
        if (Messages.Count > 0)
        {
            note += " " + string.Join(" ", Messages);
        }

        return new IssueForecast("smp", Outcome(dimension), rounds, note);
    }

    private static double WeightedMedian(double[] values, double[] weights)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var total = weights.Sum();
        if (!(total > 0))
        {
            return values[order[order.Length / 2]];
        }

        double cum = 0;
        foreach (var i in order)
        {
            cum += weights[i];
            if (cum >= total / 2)
            {
                return values[i];
            }
        }

        return values[order[^1]];
    }
}
