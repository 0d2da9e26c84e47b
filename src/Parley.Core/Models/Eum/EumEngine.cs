using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
internal sealed class EumEngine
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

    // Voter boundaries of each dyad in rank order (FindMidpoints).
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

    /// <summary>§6–§7.1: each actor picks at most one offer; fills the move buffers and the next positions.</summary>
    public void ChooseOffers()
    {
        for (var i = 0; i < _n; i++)
        {
            ChooseOffer(i);
        }
    }

    /// <summary>
    /// When true (default) <see cref="ChooseOffers"/> settles most dyads from the probabilities alone (see
    /// <see cref="SettleMargin"/>); when false it evaluates both expected utilities of every dyad. Tests compare the two.
    /// </summary>
    internal bool SettleWithoutPowers { get; set; } = true;

    // §6–§7.1 for receiver i. With Q = 1 a first pass settles what it can without powers (see SettleMargin) and
    // keeps the rest; a second pass evaluates those of the rest that could still change the choice. Every
    // comparison breaks exact ties towards the lower index (§7.1), so the order of the passes does not matter.
    private void ChooseOffer(int i)
    {
        var n = _n;
        var xi = _x[i];
        var rho = _r[i];
        // ½^ρ as e^{ρ·ln ½}: one exp instead of a pow, once per receiver and round.
        var half = rho == 1.0 ? 0.5 : Math.Exp(rho * LnHalf);
        var statusQuo = 2 - 4 * half;
        var settle = SettleWithoutPowers && _q == 1.0;

        // Two positions closer than this (a billionth of the scale) make Δ so small that the utilities themselves
        // are rounding noise; those dyads get the literal evaluation, so that both ways agree there too.
        var nearlyEqual = 1e-9 * _l;

        // With Q = 1 both utilities of the dyad are convex combinations of the same success and failure utilities:
        // a = E(i→j) = Δ·(R − α) and b = E(j→i) = Δ·(R − β), where Δ = S − F > 0, R = (S − SQ)/(S − F),
        // α = s_j·(1 − P(i,j)) and β = s_i·(1 − P(j,i)). R depends on d and ρ only and lies in [lo, hi] with
        // lo = min(½, ½^ρ), hi = max(½, ½^ρ) (its limits as d → 0 and at d = 1; see SettleMargin).
        var lo = Math.Min(0.5, half) - SettleMargin;
        var hi = Math.Max(0.5, half) + SettleMargin;
        var best = new BestOffers();
        var forI = _p.AsSpan(i * n, n);
        var forJ = _pT.AsSpan(i * n, n);
        var x = _x.AsSpan(0, n);
        var salience = _s.AsSpan(0, n);
        var si = salience[i];
        var pending = _pending.AsSpan(0, n);
        var pendingCount = 0;
        var first = 0;
        if (settle && Vector256.IsHardwareAccelerated)
        {
            first = SettleFourAtATime(i, new SettleBounds(lo, hi, nearlyEqual), ref best, pending, ref pendingCount);
        }

        for (var j = first; j < x.Length; j++)
        {
            var move = Math.Abs(x[j] - xi);

            // Same position: no offer. A confrontation outranks every other offer and only a shorter one replaces
            // it, so once one is found the longer moves need no look.
            if (move == 0 || best.Outranks(j, move))
            {
                continue;
            }

            if (!settle || move < nearlyEqual)
            {
                Evaluate(i, j, rho, statusQuo, ref best);
                continue;
            }

            var alpha = salience[j] * (1 - forI[j]);
            var beta = si * (1 - forJ[j]);
            if (beta > hi || beta > alpha + SettleMargin)
            {
                continue;
            }

            if (alpha > beta + SettleMargin)
            {
                if (alpha < lo)
                {
                    best.Confront(j, move);
                    continue;
                }

                if (beta < lo && alpha > hi && 0.5 * (alpha + beta) > hi)
                {
                    best.Compel(j, move);
                    continue;
                }
            }

            pending[pendingCount++] = j;
        }

        for (var p = 0; p < pendingCount; p++)
        {
            var j = pending[p];
            if (!best.Outranks(j, Math.Abs(x[j] - xi)))
            {
                Evaluate(i, j, rho, statusQuo, ref best);
            }
        }

        if (best.Confrontation != NoMove)
        {
            Accept(i, best.Confrontation, OfferKind.Confrontation, _x[best.Confrontation]);
        }
        else if (best.Compromising != NoMove)
        {
            Accept(i, best.Compromising, OfferKind.Compromise, best.CompromiseTo);
        }
        else if (best.Compulsion != NoMove)
        {
            Accept(i, best.Compulsion, OfferKind.Compel, _x[best.Compulsion]);
        }
        else
        {
            _moveTarget[i] = NoMove;
            _xNext[i] = xi;
        }
    }

    private readonly record struct SettleBounds(double Low, double High, double NearlyEqual);

    // The scalar loop of ChooseOffer's first pass over proposers 0, 4, 8, … in groups of four, with the same rules
    // as masks instead of branches (the branches mispredict on most dyads). Returns the first proposer not handled.
    private int SettleFourAtATime(int i, SettleBounds bounds, ref BestOffers best, Span<int> pending, ref int pendingCount)
    {
        var n = _n;
        var whole = n - (n % Vector256<double>.Count);
        var xi = _x[i];
        var vxi = Vector256.Create(xi);
        var si = Vector256.Create(_s[i]);
        var one = Vector256.Create(1.0);
        var margin = Vector256.Create(SettleMargin);
        var lo = Vector256.Create(bounds.Low);
        var hi = Vector256.Create(bounds.High);
        var near = Vector256.Create(bounds.NearlyEqual);
        var x = _x.AsSpan(0, n);
        var salience = _s.AsSpan(0, n);
        var forI = _p.AsSpan(i * n, n);
        var forJ = _pT.AsSpan(i * n, n);
        for (var j0 = 0; j0 < whole; j0 += Vector256<double>.Count)
        {
            var move = Vector256.Abs(Vector256.Create(x.Slice(j0)) - vxi);
            var alpha = Vector256.Create(salience.Slice(j0)) * (one - Vector256.Create(forI.Slice(j0)));
            var beta = si * (one - Vector256.Create(forJ.Slice(j0)));
            var same = Vector256.Equals(move, Vector256<double>.Zero);
            var literal = Vector256.AndNot(Vector256.LessThan(move, near), same);
            var open = ~(same | literal | Vector256.GreaterThan(beta, hi) | Vector256.GreaterThan(beta, alpha + margin));
            var decided = open & Vector256.GreaterThan(alpha, beta + margin);
            var confront = decided & Vector256.LessThan(alpha, lo);
            var compel = Vector256.AndNot(decided, confront)
                & Vector256.LessThan(beta, lo)
                & Vector256.GreaterThan(alpha, hi)
                & Vector256.GreaterThan(Vector256.Create(0.5) * (alpha + beta), hi);
            var unsettled = literal | Vector256.AndNot(open, confront | compel);

            for (var bits = confront.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
            {
                var j = j0 + BitOperations.TrailingZeroCount(bits);
                best.Confront(j, Math.Abs(x[j] - xi));
            }

            for (var bits = compel.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
            {
                var j = j0 + BitOperations.TrailingZeroCount(bits);
                best.Compel(j, Math.Abs(x[j] - xi));
            }

            for (var bits = unsettled.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
            {
                pending[pendingCount++] = j0 + BitOperations.TrailingZeroCount(bits);
            }
        }

        return whole;
    }

    // Both expected utilities of the dyad (i receives, j proposes) in full, and the offer they make (§6).
    private void Evaluate(int i, int j, double rho, double statusQuo, ref BestOffers best)
    {
        // Both utilities use the receiver's own exponent rᵢ (spec A2), so the success and failure utilities, which
        // depend only on the distance and ρ, are shared.
        var xi = _x[i];
        var xj = _x[j];
        var move = Math.Abs(xj - xi);
        var d = move / _l;
        var success = 2 - 4 * Power(0.5 - 0.5 * d, rho);
        var failure = 2 - 4 * Power(0.5 + 0.5 * d, rho);
        var a = Challenge(i, j, _p[i * _n + j], rho, success, failure, statusQuo);
        var b = Challenge(j, i, _pT[i * _n + j], rho, success, failure, statusQuo);
        if (b > a && a > 0)
        {
            best.Confront(j, move);
        }
        else if (a < 0 && b > 0)
        {
            if (b > -a)
            {
                best.Compromise(j, b, xi + (xj - xi) * (-a / b));
            }
            else
            {
                best.Compel(j, move);
            }
        }
    }

    // The best offer of each kind seen so far for one receiver: the confrontation and the compel with the shortest
    // move, the compromise with the largest b; exact ties go to the lower index (§7.1).
    private struct BestOffers()
    {
        public int Confrontation = NoMove;
        public int Compromising = NoMove;
        public int Compulsion = NoMove;
        public double CompromiseTo;
        private double _confrontMove = double.PositiveInfinity;
        private double _compelMove = double.PositiveInfinity;
        private double _compromiseB = double.NegativeInfinity;

        // Whether the confrontation found beats any offer from j, whose move is given: then j cannot matter.
        public readonly bool Outranks(int j, double move) =>
            move > _confrontMove || (move == _confrontMove && j > Confrontation);

        public void Confront(int j, double move)
        {
            if (move < _confrontMove || (move == _confrontMove && j < Confrontation))
            {
                Confrontation = j;
                _confrontMove = move;
            }
        }

        public void Compel(int j, double move)
        {
            if (move < _compelMove || (move == _compelMove && j < Compulsion))
            {
                Compulsion = j;
                _compelMove = move;
            }
        }

        public void Compromise(int j, double b, double to)
        {
            if (b > _compromiseB || (b == _compromiseB && j < Compromising))
            {
                Compromising = j;
                _compromiseB = b;
                CompromiseTo = to;
            }
        }
    }

    // Where α and β decide a dyad whatever R is within its bounds, ChooseOffer settles it without powers.
    // The bounds: with u = ½ − ½d and v = 1 − u, R ≥ ½^ρ ⟺ 1 ≥ v^ρ + (2^ρ − 1)·u^ρ, true for ρ ≥ 1 because the
    // right side is convex in u and equals 1 at u = 0 and u = ½; R ≥ ½ ⟺ u^ρ + v^ρ ≤ 2·½^ρ, true for ρ ≤ 1 by
    // Jensen's inequality for the concave p ↦ p^ρ. The upper bound follows in the same way with the roles swapped.
    //   b ≤ 0 (R < β) or b < a (β > α): no offer from j.
    //   α < R: a > 0 and b > a: a confrontation.
    //   β < R < α: a < 0 < b, and b > −a ⟺ R > (α + β)/2; below that mean it is a compel.
    // Compromises need b itself (the largest b wins), so they are left to the full evaluation.
    //
    // How far α and β must lie from a boundary before they decide without the utilities. The probabilities
    // carry rounding of order 1e-16; anything this close to a boundary is left to the full evaluation.
    private const double SettleMargin = 1e-12;

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

    // The actors in position order (ties by index), their ranks, positions and weights in that order: both
    // probability passes of a round use them, and positions only change between rounds.
    private void SortPositions()
    {
        var n = _n;
        var order = _order.AsSpan(0, n);
        var x = _x.AsSpan(0, n);

        // Insertion sort by (position, index), starting from the last round's order: few actors move in a round, so
        // the order is nearly sorted already and this costs O(n + displacements).
        for (var u = 1; u < n; u++)
        {
            var k = order[u];
            var xk = x[k];
            var v = u - 1;
            while (v >= 0 && (x[order[v]] > xk || (x[order[v]] == xk && order[v] > k)))
            {
                order[v + 1] = order[v];
                v--;
            }

            order[v + 1] = k;
        }

        for (var u = 0; u < n; u++)
        {
            var k = order[u];
            _rank[k] = u;
            _sortedX[u] = x[k];
            _sortedW[u] = _w[k];
        }

        // Padding for CountVoters: +∞ is never left of a midpoint.
        _sortedX.AsSpan(n, BatchExp.PaddedLength(n) - n).Fill(double.PositiveInfinity);

        UpdateLogDistances();
    }

    // Brings _lnDistance up to date with the current positions: rows and columns of the actors that moved.
    private void UpdateLogDistances()
    {
        var n = _n;
        var x = _x.AsSpan(0, n);
        var moved = _moved.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            moved[i] = x[i] != _lnPosition[i];
        }

        var inverseL = 1.0 / _l;
        for (var i = 0; i < n; i++)
        {
            if (!moved[i])
            {
                continue;
            }

            var xi = x[i];
            for (var j = 0; j < n; j++)
            {
                // A pair of movers is done once, by the lower index.
                if (j == i || (moved[j] && j < i) || x[j] == xi)
                {
                    continue;
                }

                var ln = Math.Log(Math.Abs(x[j] - xi) * inverseL);
                _lnDistance[i * n + j] = ln;
                _lnDistance[j * n + i] = ln;
            }

            _lnPosition[i] = xi;
        }
    }

    // §3 with the current _r: fills _p, _pT and _den. Equal to the spec's triple sums up to rounding (the tests
    // compare against a literal evaluation to 1e-12).
    private void ComputeProbabilities(bool linear)
    {
        var n = _n;
        BuildLossRows(linear);

        // Small games write both halves of the matrices at once; large ones mirror them afterwards, tile by tile,
        // to stay in cache.
        var direct = n <= Tile;
        var order = _order.AsSpan(0, n);
        double total = 0;
        for (var u = 0; u < n; u++)
        {
            var lo = order[u];
            var votes = new DyadVotes(this, u);
            for (var v = u + 1; v < n; v++)
            {
                var hi = order[v];
                var (forLo, forHi) = votes.Against(v);
                total += forLo + forHi;
                _p[lo * n + hi] = forLo;
                _pT[lo * n + hi] = forHi;
                if (direct)
                {
                    _p[hi * n + lo] = forHi;
                    _pT[hi * n + lo] = forLo;
                }
            }

            _p[lo * n + lo] = 0;
            _pT[lo * n + lo] = 0;
        }

        if (!direct)
        {
            MirrorByRank(n);
        }

        // Σ_k |v_k(a,b)| = num(a,b) + num(b,a) and the diagonal is zero, so DEN over all ordered pairs is twice the
        // sum over unordered pairs (summed in position order). The vote counts become probabilities in place.
        _den = 2 * total;
        var scale = _den > 0 ? 1.0 / _den : 0.0;
        Scale(_p.AsSpan(0, n * n), scale);
        Scale(_pT.AsSpan(0, n * n), scale);
    }

    // values[c] *= factor, four at a time where the hardware allows (the same IEEE products either way).
    private static void Scale(Span<double> values, double factor)
    {
        var c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<double, Vector256<double>>(values);
            var f = Vector256.Create(factor);
            for (var k = 0; k < vectors.Length; k++)
            {
                vectors[k] *= f;
            }

            c = vectors.Length * Vector256<double>.Count;
        }

        for (; c < values.Length; c++)
        {
            values[c] *= factor;
        }
    }

    // §5's security sums with Q = 1, straight from the ρ = 1 votes, without the probability matrices. At ρ = 1 the
    // success, failure and status-quo utilities are 2d, −2d and 0, so E(j→i; 1) = sᵢ·(P·2d − (1 − P)·2d) + (1 − sᵢ)·2d
    // = 2d·(1 − 2sᵢ(1 − P(j,i))) with d = |x_j − x_i|/L, and summed over j:
    // Dᵢ = (2/L)·((1 − 2sᵢ)·Σ_j |x_j − x_i| + 2sᵢ·Σ_j |x_j − x_i|·num(j,i)/DEN).
    //
    // At ρ = 1 the votes need no loss rows: for x_lo < x_hi, a voter at or left of x_lo prefers x_lo by x_hi − x_lo,
    // one between x_lo and the midpoint by x_lo + x_hi − 2x, and symmetrically on the right, so num(lo, hi) and
    // num(hi, lo) follow from cumulative sums of w and w·x over the voters in position order (positions taken
    // relative to the leftmost, so the differences do not cancel digits). The pass also records the midpoint
    // boundaries (see FindMidpoints) for the ρ pass that follows. Votes and DEN here leave out the common 1/L.
    private void ComputeLinearSecurities()
    {
        var n = _n;
        var order = _order.AsSpan(0, n);
        var sorted = _sortedX.AsSpan(0, n);
        var weights = _sortedW.AsSpan(0, n);
        var cumW = _cumW.AsSpan(0, n + 1);
        var cumWX = _cumWX.AsSpan(0, n + 1);
        var spread = _spread.AsSpan(0, n);
        var weighted = _weightedSpread.AsSpan(0, n);
        var origin = sorted[0];
        cumW[0] = 0;
        cumWX[0] = 0;
        for (var u = 0; u < n; u++)
        {
            cumW[u + 1] = cumW[u] + weights[u];
            cumWX[u + 1] = cumWX[u] + (weights[u] * (sorted[u] - origin));
        }

        weighted.Clear();
        double total = 0;

        // The boundaries for a dyad: in small games counted directly (branch-free, a few vector compares), in large
        // ones by the two advancing scans, which cost O(1) per dyad but mispredict a branch or two each time.
        var small = n <= DirectCountLimit;
        var padded = _sortedX.AsSpan(0, BatchExp.PaddedLength(n));
        for (var u = 0; u < n; u++)
        {
            var lo = order[u];
            var xlo = sorted[u] - origin;
            double weightedLo = 0;
            var below = _below.AsSpan(u * n, n);
            var notAbove = _notAbove.AsSpan(u * n, n);

            // Voters [0, atOrLeft) sit at or left of x_lo.
            var atOrLeft = u + 1;
            while (atOrLeft < n && sorted[atOrLeft] == sorted[u])
            {
                atOrLeft++;
            }

            int left = 0, on = 0, right = atOrLeft;
            for (var v = atOrLeft; v < n; v++)
            {
                var hi = order[v];
                var xhi = sorted[v] - origin;
                var mid = 0.5 * (sorted[u] + sorted[v]);
                if (small)
                {
                    (left, on) = CountVoters(padded, mid);
                }
                else
                {
                    // (Positions one ulp apart can round the midpoint onto x_hi, hence the bounds.)
                    while (left < n && sorted[left] < mid)
                    {
                        left++;
                    }

                    on = Math.Max(on, left);
                    while (on < n && sorted[on] <= mid)
                    {
                        on++;
                    }
                }

                below[v] = left;
                notAbove[v] = on;

                // Voters [right, n) sit at or right of x_hi.
                if (sorted[v] != sorted[v - 1])
                {
                    right = v;
                }

                var gap = xhi - xlo;
                var sum = xlo + xhi;
                var forLo = (gap * cumW[atOrLeft]) + (sum * (cumW[left] - cumW[atOrLeft])) - (2 * (cumWX[left] - cumWX[atOrLeft]));
                var forHi = (gap * (cumW[n] - cumW[right])) + (2 * (cumWX[right] - cumWX[on])) - (sum * (cumW[right] - cumW[on]));

                // Rounding can leave an ulp below zero: clamp.
                forLo = Math.Max(0, forLo);
                forHi = Math.Max(0, forHi);
                total += forLo + forHi;
                weightedLo += gap * forHi;
                weighted[hi] += gap * forLo;
            }

            weighted[lo] += weightedLo;
        }

        // Σ_j |x_j − x_i| from the cumulative positions: the actors left of rank u, then those right of it.
        double cumX = 0, totalX = 0;
        for (var u = 0; u < n; u++)
        {
            totalX += sorted[u] - origin;
        }

        for (var u = 0; u < n; u++)
        {
            var x = sorted[u] - origin;
            spread[order[u]] = (x * u) - cumX + (totalX - cumX - x) - (x * (n - 1 - u));
            cumX += x;
        }

        var den = 2 * total;
        for (var i = 0; i < n; i++)
        {
            var twoS = 2 * _s[i];
            var challenged = den > 0 ? weighted[i] / den : 0.0;
            _threat[i] = 2 * (((1 - twoS) * spread[i]) + (twoS * challenged)) / _l;
        }
    }

    // (number of positions < mid, number ≤ mid) in a sorted span padded with +∞ to whole vectors.
    private static (int Below, int NotAbove) CountVoters(ReadOnlySpan<double> padded, double mid)
    {
        int below = 0, notAbove = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<double, Vector256<double>>(padded);
            var m = Vector256.Create(mid);
            for (var k = 0; k < vectors.Length; k++)
            {
                below += BitOperations.PopCount(Vector256.LessThan(vectors[k], m).ExtractMostSignificantBits());
                notAbove += BitOperations.PopCount(Vector256.LessThanOrEqual(vectors[k], m).ExtractMostSignificantBits());
            }

            return (below, notAbove);
        }

        foreach (var x in padded)
        {
            below += x < mid ? 1 : 0;
            notAbove += x <= mid ? 1 : 0;
        }

        return (below, notAbove);
    }

    // _loss rows for the current _r (all 1 when linear).
    private void BuildLossRows(bool linear)
    {
        var n = _n;
        var stride = n + 1;
        var order = _order.AsSpan(0, n);
        var sorted = _sortedX.AsSpan(0, n);
        var weights = _sortedW.AsSpan(0, n);
        var exponents = _sortedR.AsSpan(0, n);
        for (var u = 0; u < n; u++)
        {
            exponents[u] = _r[order[u]];
        }

        var inverseL = 1.0 / _l;
        var width = BatchExp.PaddedLength(n);
        var powered = _powered.AsSpan(0, n * width);
        if (!linear)
        {
            // d^r = e^{r·ln d} for every voter and alternative in one batch (BatchExp): a row alone holds too few
            // values to hide the latency of a vector exp. One row per distinct position, padded with zeros to whole
            // vectors; where d = 0 the logarithm is not kept and the value is ignored below.
            var rows = 0;
            for (var ua = 0; ua < n; ua++)
            {
                if (ua > 0 && sorted[ua - 1] == sorted[ua])
                {
                    continue;
                }

                var ln = _lnDistance.AsSpan(order[ua] * n, n);
                var args = powered.Slice(rows++ * width, width);
                for (var u = 0; u < n; u++)
                {
                    args[u] = exponents[u] * ln[order[u]];
                }

                args[n..].Clear();
            }

            powered = powered[..(rows * width)];
            BatchExp.Exp(powered, powered);
        }

        var slot = 0;
        for (var ua = 0; ua < n; ua++)
        {
            var a = order[ua];
            var xa = sorted[ua];
            var row = _loss.AsSpan(a * stride, stride);
            if (ua > 0 && sorted[ua - 1] == xa)
            {
                // Actors often share a position (confrontations and compels move them onto one); a row depends on
                // the position alone, so theirs is a copy.
                _loss.AsSpan(order[ua - 1] * stride, stride).CopyTo(row);
                continue;
            }

            double acc = 0;
            row[0] = 0;
            if (linear)
            {
                for (var u = 0; u < sorted.Length; u++)
                {
                    acc += weights[u] * (Math.Abs(sorted[u] - xa) * inverseL);
                    row[u + 1] = acc;
                }
            }
            else
            {
                var rowPowers = powered.Slice(slot++ * width, n);
                for (var u = 0; u < sorted.Length; u++)
                {
                    // A voter at the alternative loses nothing (0^r = 0); skipping the power there is exact.
                    var distance = Math.Abs(sorted[u] - xa);
                    if (distance != 0)
                    {
                        var r = exponents[u];
                        acc += weights[u] * (r == 1.0 ? distance * inverseL : rowPowers[u]);
                    }

                    row[u + 1] = acc;
                }
            }
        }
    }

    // For every dyad of ranks u < v on different positions, the voters who prefer the left alternative: ranks below
    // _below[u·n + v] (left of the midpoint) and those indifferent: ranks from there to _notAbove[u·n + v] (on it).
    // Both probability passes of a round use them. For a fixed u the midpoint only moves right as v grows, so both
    // boundaries only advance: O(n) per u.
    private void FindMidpoints()
    {
        var n = _n;
        var sorted = _sortedX.AsSpan(0, n);
        for (var u = 0; u < n; u++)
        {
            var xlo = sorted[u];
            var below = _below.AsSpan(u * n, n);
            var notAbove = _notAbove.AsSpan(u * n, n);
            int left = 0, on = 0;
            for (var v = u + 1; v < n; v++)
            {
                var mid = 0.5 * (xlo + sorted[v]);
                while (left < n && sorted[left] < mid)
                {
                    left++;
                }

                on = Math.Max(on, left);
                while (on < n && sorted[on] <= mid)
                {
                    on++;
                }

                below[v] = left;
                notAbove[v] = on;
            }
        }
    }

    // The votes num(lo, hi) and num(hi, lo) for one left actor (rank u) against the actors ranked after it.
    private readonly ref struct DyadVotes
    {
        private readonly ReadOnlySpan<double> _sorted;
        private readonly ReadOnlySpan<double> _loss;
        private readonly ReadOnlySpan<int> _order;
        private readonly ReadOnlySpan<double> _rowLo;
        private readonly ReadOnlySpan<int> _below;
        private readonly ReadOnlySpan<int> _notAbove;
        private readonly double _xlo;
        private readonly int _n;

        public DyadVotes(EumEngine engine, int u)
        {
            var n = engine._n;
            _n = n;
            _sorted = engine._sortedX.AsSpan(0, n);
            _order = engine._order.AsSpan(0, n);
            _loss = engine._loss.AsSpan(0, n * (n + 1));
            _below = engine._below.AsSpan(u * n, n);
            _notAbove = engine._notAbove.AsSpan(u * n, n);
            _xlo = _sorted[u];
            _rowLo = _loss.Slice(_order[u] * (n + 1), n + 1);
        }

        public (double ForLo, double ForHi) Against(int v)
        {
            if (_sorted[v] == _xlo)
            {
                return (0, 0);
            }

            // Voters left of the midpoint lose more at x_hi; voters right of it lose more at x_lo; voters on it are
            // indifferent. Rounding can leave an ulp below zero: clamp.
            var n = _n;
            var below = _below[v];
            var notAbove = _notAbove[v];
            var rowHi = _loss.Slice(_order[v] * (n + 1), n + 1);
            var forLo = Math.Max(0, rowHi[below] - _rowLo[below]);
            var forHi = Math.Max(0, (_rowLo[n] - rowHi[n]) - (_rowLo[notAbove] - rowHi[notAbove]));
            return (forLo, forHi);
        }
    }

    // The dyad loop filled row a for every b ranked after a; fill row b from it (num(b,a) = numT(a,b) and
    // numT(b,a) = num(a,b)), tile by tile so that both sides stay in cache.
    private void MirrorByRank(int n)
    {
        for (var a0 = 0; a0 < n; a0 += Tile)
        {
            var a1 = Math.Min(n, a0 + Tile);
            for (var b0 = 0; b0 < n; b0 += Tile)
            {
                var b1 = Math.Min(n, b0 + Tile);
                for (var a = a0; a < a1; a++)
                {
                    var rankA = _rank[a];
                    for (var b = b0; b < b1; b++)
                    {
                        if (rankA < _rank[b])
                        {
                            _p[b * n + a] = _pT[a * n + b];
                            _pT[b * n + a] = _p[a * n + b];
                        }
                    }
                }
            }
        }
    }
}
