using System.Runtime.CompilerServices;
using Parley.Core.Numerics;

namespace Parley.Core.Models.Eum;

/// <summary>
/// The state machine behind <see cref="EumModel"/>, <see cref="EumCalculator"/> and the EUM solver: it owns
/// every buffer (sized once for a maximum actor count) and implements shared/spec/eum.md §2–§7.
/// </summary>
/// <remarks>
/// One round is <see cref="PrepareRound"/> (risk exponents, probabilities), <see cref="ChooseOffers"/> and
/// <see cref="ApplyMoves()"/>. A round costs O(n²) exponentials and additions: the vote tallies use cumulative sums
/// over voters sorted by position, the logarithms of the distances are kept across rounds, and most offers are
/// settled without powers (docs/models.md, "Cost and determinism"). All loops run in a fixed order with no parallel
/// reductions, so a given input gives the same bits on every run. Not thread-safe.
/// </remarks>
internal sealed partial class EumEngine
{
    /// <summary>Marks "no offer accepted" in <see cref="MoveTargets"/>.</summary>
    public const int NoMove = -1;

    private readonly int _capacity;
    private readonly double[] _x;
    private readonly double[] _xNext;
    private readonly double[] _w;
    private readonly double[] _s;
    private readonly double[] _r;
    private readonly double[] _threat;
    private readonly double[] _medianScratch;
    private readonly int[] _moveTarget;
    private readonly OfferKind[] _moveKind;

    // Dyads ChooseOffer could not settle without powers, for its second pass.
    private readonly int[] _pending;

    // _loss[a·(n+1) + t] = Σ_{u<t} w_k·(|x_k − x_a|/L)^{r_k} with k = _order[u]: the cumulative weighted loss at
    // alternative a of the t leftmost voters. Because every voter's loss grows with distance, the voters who
    // prefer x_i to x_j are exactly those on x_i's side of the midpoint, a contiguous run in position order, so
    // num(i,j) is a difference of two cumulative sums: O(1) per dyad instead of O(n).
    private readonly double[] _loss;

    // Actor indices sorted by position, the sorted positions, and each actor's rank in that order.
    private readonly int[] _order;
    private readonly double[] _sortedX;
    private readonly int[] _rank;

    // Voter boundaries of each dyad in rank order: recorded by ComputeLinearSecurities when Q = 1, otherwise by
    // FindMidpoints.
    private readonly int[] _below;
    private readonly int[] _notAbove;

    // _p[i·n + j] = P(i,j) = num(i,j)/DEN with num(i,j) = Σ_k max(0, v_k(x_i, x_j; r_k)), the votes for i over j,
    // and _pT[i·n + j] = P(j,i). Keeping both layouts lets every hot loop over j read contiguously, which
    // matters once the matrices outgrow the cache (n ≳ 300).
    private readonly double[] _p;
    private readonly double[] _pT;

    // _lnDistance[i·n + j] = ln(|x_i − x_j|/L) for actors on different positions, so that each voter's powered
    // distance is one exp (d^r = e^{r·ln d}) instead of a pow, at about half the cost. The logarithms depend on the
    // positions alone: they are kept across rounds and recomputed only for the actors that moved
    // (_lnPosition[i] is the position row i was computed for; NaN after Load).
    private readonly double[] _lnDistance;
    private readonly double[] _lnPosition;
    private readonly bool[] _moved;

    // Per actor Σ_j |x_j − x_i| and Σ_j |x_j − x_i|·num(j,i) of the ρ = 1 pass (ComputeLinearSecurities).
    private readonly double[] _spread;
    private readonly double[] _weightedSpread;

    // Cumulative sums of w and w·(x − leftmost x) over the voters in position order, for the ρ = 1 votes.
    private readonly double[] _cumW;
    private readonly double[] _cumWX;

    // The voters' weights and current exponents in position order (_order), so the loss rows read contiguously.
    private readonly double[] _sortedW;
    private readonly double[] _sortedR;

    // The powered distances of every alternative's row, each padded to whole vectors (BuildLossRows).
    private readonly double[] _powered;

    // The positions of the last CycleWindow rounds (slot = round mod CycleWindow), used by Solve to detect a cycle.
    private const int CycleWindow = 4;
    private readonly double[] _history;

    private static readonly double LnHalf = Math.Log(0.5);

    // Up to this many actors the midpoint boundaries are counted directly (O(n) vector compares per dyad); above it
    // the O(1)-per-dyad scans win.
    private const int DirectCountLimit = 32;

    // Side of the square tiles used to mirror one triangle of the tallies into the other.
    private const int Tile = 32;

    private int _n;
    private double _l;
    private double _q;
    private double _den;
    private double _median;

    public EumEngine(int maxActors)
    {
        _capacity = Guard.Positive(maxActors);
        _x = new double[maxActors];
        _xNext = new double[maxActors];
        _w = new double[maxActors];
        _s = new double[maxActors];
        _r = new double[maxActors];
        _threat = new double[maxActors];
        _medianScratch = new double[WeightedStats.MedianScratchLength(maxActors)];
        _moveTarget = new int[maxActors];
        _moveKind = new OfferKind[maxActors];
        _pending = new int[maxActors];
        var cells = checked(maxActors * maxActors);
        _loss = new double[checked(maxActors * (maxActors + 1))];
        _order = new int[maxActors];
        _sortedX = new double[BatchExp.PaddedLength(maxActors)];
        _rank = new int[maxActors];
        _below = new int[cells];
        _notAbove = new int[cells];
        _p = new double[cells];
        _pT = new double[cells];
        _sortedW = new double[maxActors];
        _lnDistance = new double[cells];
        _lnPosition = new double[maxActors];
        _moved = new bool[maxActors];
        _spread = new double[maxActors];
        _weightedSpread = new double[maxActors];
        _cumW = new double[maxActors + 1];
        _cumWX = new double[maxActors + 1];
        _sortedR = new double[maxActors];
        _powered = new double[checked(maxActors * BatchExp.PaddedLength(maxActors))];
        _history = new double[checked(CycleWindow * maxActors)];
    }

    /// <summary>Number of actors loaded.</summary>
    public int Count => _n;

    /// <summary>Scale length L (native units).</summary>
    public double ScaleLength => _l;

    /// <summary>Current positions.</summary>
    public ReadOnlySpan<double> Positions => _x.AsSpan(0, _n);

    /// <summary>Weights wᵢ = cᵢ·sᵢ with s as a probability.</summary>
    public ReadOnlySpan<double> Weights => _w.AsSpan(0, _n);

    /// <summary>Risk exponents computed by the last <see cref="PrepareRound"/>.</summary>
    public ReadOnlySpan<double> RiskExponents => _r.AsSpan(0, _n);

    /// <summary>Security sums Dᵢ = Σ_{j≠i} E(j→i; 1) from the last <see cref="PrepareRound"/>.</summary>
    public ReadOnlySpan<double> Threats => _threat.AsSpan(0, _n);

    /// <summary>Index of the actor whose offer each actor accepted in the last <see cref="ChooseOffers"/>, or <see cref="NoMove"/>.</summary>
    public ReadOnlySpan<int> MoveTargets => _moveTarget.AsSpan(0, _n);

    /// <summary>Kind of each accepted offer (meaningful where <see cref="MoveTargets"/> is not <see cref="NoMove"/>).</summary>
    public ReadOnlySpan<OfferKind> MoveKinds => _moveKind.AsSpan(0, _n);

    /// <summary>Positions after the accepted offers of the last <see cref="ChooseOffers"/>.</summary>
    public ReadOnlySpan<double> NextPositions => _xNext.AsSpan(0, _n);

    /// <summary>Weighted median μ of the current positions.</summary>
    public double Median => _median;

    /// <summary>The all-pairs denominator of the last probability pass.</summary>
    public double Denominator => _den;

    /// <summary>True when the loaded issue needs no rounds: one actor, or all positions equal (L = 0 included).</summary>
    public bool IsTrivial { get; private set; }

    /// <summary>Weighted mean of the current positions.</summary>
    public double Mean() => WeightedStats.Mean(Positions, Weights);

    /// <summary>Validates and loads <paramref name="input"/>; computes L and the initial median.</summary>
    public void Load(IssueInput input, EumOptions options)
    {
        IssueInputChecks.Validate(input, _capacity);
        var n = input.Count;
        _n = n;
        _q = options.Q;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var x = input.Positions[i];
            _x[i] = x;
            _s[i] = input.Saliences[i] / 100.0;
            _w[i] = input.Capabilities[i] * _s[i];
            lo = Math.Min(lo, x);
            hi = Math.Max(hi, x);
        }

        if (options.UseDeclaredScale)
        {
            // Positions outside the declared scale would make the power bases of §4 negative (NaN).
            if (lo < input.ScaleLow || hi > input.ScaleHigh)
            {
                throw new ArgumentException($"Positions span [{lo}, {hi}], outside the declared scale [{input.ScaleLow}, {input.ScaleHigh}].", nameof(input));
            }

            _l = input.ScaleHigh - input.ScaleLow;
        }
        else
        {
            _l = hi - lo;
        }

        IsTrivial = n == 1 || lo == hi;
        for (var i = 0; i < n; i++)
        {
            _order[i] = i;
        }

        _lnPosition.AsSpan(0, n).Fill(double.NaN);
        _median = WeightedStats.Median(Positions, Weights, _medianScratch);
    }

    /// <summary>§5 then the §3 pass with the new exponents: afterwards <see cref="Probability"/> uses rₖ.</summary>
    public void PrepareRound()
    {
        var n = _n;
        SortPositions();
        _r.AsSpan(0, n).Fill(1.0);
        if (_q == 1.0)
        {
            ComputeLinearSecurities();
        }
        else
        {
            FindMidpoints();
            ComputeProbabilities(linear: true);
            for (var i = 0; i < n; i++)
            {
                _threat[i] = Security(i);
            }
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            min = Math.Min(min, _threat[i]);
            max = Math.Max(max, _threat[i]);
        }

        for (var i = 0; i < n; i++)
        {
            var relative = max == min ? 0.0 : (2 * _threat[i] - max - min) / (max - min);
            _r[i] = (1 - relative / 3) / (1 + relative / 3);
        }

        ComputeProbabilities(linear: false);
    }

    /// <summary>P(i,j) from the last pass: the share of all votes that are votes for xᵢ over xⱼ (§3).</summary>
    public double Probability(int i, int j) => _p[i * _n + j];

    // Dᵢ = Σ_{j≠i} E(j→i; 1) by §4 in general.
    private double Security(int i)
    {
        double sum = 0;
        var against = _pT.AsSpan(i * _n, _n);
        for (var j = 0; j < _n; j++)
        {
            if (j != i)
            {
                // E(j→i; 1): with ρ = 1 the utilities need no powers.
                var d = Math.Abs(_x[j] - _x[i]) / _l;
                sum += Challenge(j, i, against[j], 1.0, 2 - 4 * (0.5 - 0.5 * d), 2 - 4 * (0.5 + 0.5 * d), 2 - 4 * 0.5);
            }
        }

        return sum;
    }

    /// <summary>E(challenger→target; ρ) of §4 with P(challenger, target) from the last pass and the current μ.</summary>
    public double ExpectedUtility(int challenger, int target, double rho)
    {
        var d = Math.Abs(_x[challenger] - _x[target]) / _l;
        var success = 2 - 4 * Power(0.5 - 0.5 * d, rho);
        var failure = 2 - 4 * Power(0.5 + 0.5 * d, rho);
        var statusQuo = 2 - 4 * Power(0.5, rho);
        return Challenge(challenger, target, Probability(challenger, target), rho, success, failure, statusQuo);
    }

    /// <summary>§7.2: all accepted moves take effect at once; updates μ. Returns whether any position changed.</summary>
    public bool ApplyMoves() => ApplyMoves(updateMedian: true);

    // With Q = 1 nothing in a round reads μ, so Solve computes it once, after the last round.
    private bool ApplyMoves(bool updateMedian)
    {
        var changed = false;
        for (var i = 0; i < _n; i++)
        {
            changed |= _xNext[i] != _x[i];
            _x[i] = _xNext[i];
        }

        if (updateMedian)
        {
            _median = WeightedStats.Median(Positions, Weights, _medianScratch);
        }

        return changed;
    }

    /// <summary>Runs up to <paramref name="rounds"/> rounds without recording; returns the final median.</summary>
    public double Solve(int rounds)
    {
        if (IsTrivial)
        {
            return _x[0];
        }

        var n = _n;
        var medianEachRound = _q != 1.0;
        Remember(0);
        for (var t = 1; t <= rounds; t++)
        {
            PrepareRound();
            ChooseOffers();
            if (!ApplyMoves(medianEachRound))
            {
                break;
            }

            // A round depends on the positions alone, so once the positions repeat those of round t − p the run is
            // periodic with period p and the final state can be read from the window instead of computed: the same
            // numbers, bit for bit, without the remaining rounds (the expected-utility model often oscillates).
            if (RepeatsWithin(t, out var period))
            {
                Remembered(t - period + ((rounds - t) % period)).CopyTo(_x.AsSpan(0, n));
                break;
            }

            Remember(t);
        }

        _median = WeightedStats.Median(Positions, Weights, _medianScratch);
        return _median;
    }

    // Whether the positions after round t equal those after round t − p for some p in 2..CycleWindow.
    private bool RepeatsWithin(int t, out int period)
    {
        var x = _x.AsSpan(0, _n);
        for (period = 2; period <= CycleWindow && period <= t; period++)
        {
            if (x.SequenceEqual(Remembered(t - period)))
            {
                return true;
            }
        }

        return false;
    }

    private void Remember(int round) => _x.AsSpan(0, _n).CopyTo(Remembered(round));

    private Span<double> Remembered(int round) => _history.AsSpan(round % CycleWindow * _n, _n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Power(double x, double rho) => rho == 1.0 ? x : Math.Pow(x, rho);

    private void Accept(int i, int j, OfferKind kind, double to)
    {
        _moveTarget[i] = j;
        _moveKind[i] = kind;
        _xNext[i] = to;
    }

    // §4 given the ρ-dependent success, failure and status-quo utilities.
    private double Challenge(int challenger, int target, double p, double rho, double success, double failure, double statusQuo)
    {
        var resist = _s[target];
        var contest = resist * (p * success + (1 - p) * failure) + (1 - resist) * success;
        if (_q == 1.0)
        {
            return contest - statusQuo;
        }

        var xi = _x[challenger];
        var xj = _x[target];
        var mu = _median;
        var jBetween = (xi < xj && xj < mu) || (mu < xj && xj < xi);
        var iBetween = (xj < xi && xi < mu) || (mu < xi && xi < xj);
        var better = !(jBetween || (iBetween && Math.Abs(xi - mu) > Math.Abs(xi - xj)));
        var e = (Math.Abs(xi - mu) + Math.Abs(xi - xj)) / _l;
        var drift = better ? 2 - 4 * Power(0.5 - 0.25 * e, rho) : 2 - 4 * Power(0.5 + 0.25 * e, rho);
        return contest - (_q * statusQuo + (1 - _q) * drift);
    }

}
