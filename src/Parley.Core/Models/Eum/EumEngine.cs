using System.Runtime.CompilerServices;
using Parley.Core.Numerics;

namespace Parley.Core.Models.Eum;

/// <summary>
/// The state machine behind <see cref="EumModel"/>, <see cref="EumCalculator"/> and the EUM solver: it owns
/// every buffer (sized once for a maximum actor count) and implements shared/spec/eum.md §2–§7.
/// </summary>
/// <remarks>
/// One round is <see cref="PrepareRound"/> (median, risk exponents, probabilities), <see cref="ChooseOffers"/>
/// and <see cref="ApplyMoves"/>. A round costs O(n²) powers and O(n² + n log n) additions (the vote tallies use
/// cumulative sums over voters sorted by position). All loops run in a fixed order with no parallel reductions, so
/// a given input gives the same bits on every run. Not thread-safe.
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

    // _loss[a·(n+1) + t] = Σ_{u<t} w_k·(|x_k − x_a|/L)^{r_k} with k = _order[u]: the cumulative weighted loss at
    // alternative a of the t leftmost voters. Because every voter's loss grows with distance, the voters who
    // prefer x_i to x_j are exactly those on x_i's side of the midpoint, a contiguous run in position order, so
    // num(i,j) is a difference of two cumulative sums: O(1) per dyad instead of O(n).
    private readonly double[] _loss;

    // Actor indices sorted by position, the sorted positions, and each actor's rank in that order.
    private readonly int[] _order;
    private readonly double[] _sortedX;
    private readonly int[] _rank;

    // _num[i·n + j] = num(i,j) = Σ_k max(0, v_k(x_i, x_j; r_k)), the votes for i over j, and
    // _numT[i·n + j] = num(j,i). Keeping both layouts lets every hot loop over j read contiguously, which
    // matters once the matrices outgrow the cache (n ≳ 300).
    private readonly double[] _num;
    private readonly double[] _numT;

    // The positions of the last CycleWindow rounds (slot = round mod CycleWindow), used by Solve to detect a cycle.
    private const int CycleWindow = 4;
    private readonly double[] _history;

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
        var cells = checked(maxActors * maxActors);
        _loss = new double[checked(maxActors * (maxActors + 1))];
        _order = new int[maxActors];
        _sortedX = new double[maxActors];
        _rank = new int[maxActors];
        _num = new double[cells];
        _numT = new double[cells];
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
        _median = WeightedStats.Median(Positions, Weights, _medianScratch);
    }

    /// <summary>§5 then the §3 pass with the new exponents: afterwards <see cref="Probability"/> uses rₖ.</summary>
    public void PrepareRound()
    {
        var n = _n;
        _r.AsSpan(0, n).Fill(1.0);
        ComputeProbabilities();

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            double sum = 0;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    // E(j→i; 1): with ρ = 1 the utilities need no powers.
                    var d = Math.Abs(_x[j] - _x[i]) / _l;
                    sum += Challenge(j, i, ProbabilityAgainst(i, j), 1.0, 2 - 4 * (0.5 - 0.5 * d), 2 - 4 * (0.5 + 0.5 * d), 2 - 4 * 0.5);
                }
            }

            _threat[i] = sum;
            min = Math.Min(min, sum);
            max = Math.Max(max, sum);
        }

        for (var i = 0; i < n; i++)
        {
            var relative = max == min ? 0.0 : (2 * _threat[i] - max - min) / (max - min);
            _r[i] = (1 - relative / 3) / (1 + relative / 3);
        }

        ComputeProbabilities();
    }

    /// <summary>P(i,j) from the last pass: the share of all votes that are votes for xᵢ over xⱼ (§3).</summary>
    public double Probability(int i, int j) =>
        _den > 0 && _x[i] != _x[j] ? _num[i * _n + j] / _den : 0.0;

    // P(j,i), read from the transposed layout (contiguous in j for a fixed i).
    private double ProbabilityAgainst(int i, int j) =>
        _den > 0 && _x[i] != _x[j] ? _numT[i * _n + j] / _den : 0.0;

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
        var n = _n;
        for (var i = 0; i < n; i++)
        {
            var xi = _x[i];
            var rho = _r[i];
            var statusQuo = 2 - 4 * Power(0.5, rho);
            int confront = NoMove, compromise = NoMove, compel = NoMove;
            double confrontMove = double.PositiveInfinity, compelMove = double.PositiveInfinity;
            double compromiseB = double.NegativeInfinity, compromiseTo = xi;
            for (var j = 0; j < n; j++)
            {
                var xj = _x[j];
                if (xj == xi)
                {
                    continue;
                }

                // Both utilities use the receiver's own exponent rᵢ (spec A2), so the success and failure
                // utilities, which depend only on the distance and ρ, are shared.
                var d = Math.Abs(xi - xj) / _l;
                var success = 2 - 4 * Power(0.5 - 0.5 * d, rho);
                var failure = 2 - 4 * Power(0.5 + 0.5 * d, rho);
                var a = Challenge(i, j, Probability(i, j), rho, success, failure, statusQuo);
                var b = Challenge(j, i, ProbabilityAgainst(i, j), rho, success, failure, statusQuo);
                var move = Math.Abs(xj - xi);
                if (b > a && a > 0)
                {
                    // Strict comparisons keep the lowest index on exact ties (§7.1).
                    if (move < confrontMove)
                    {
                        confront = j;
                        confrontMove = move;
                    }
                }
                else if (a < 0 && b > 0)
                {
                    if (b > -a)
                    {
                        if (b > compromiseB)
                        {
                            compromise = j;
                            compromiseB = b;
                            compromiseTo = xi + (xj - xi) * (-a / b);
                        }
                    }
                    else if (move < compelMove)
                    {
                        compel = j;
                        compelMove = move;
                    }
                }
            }

            if (confront != NoMove)
            {
                Accept(i, confront, OfferKind.Confrontation, _x[confront]);
            }
            else if (compromise != NoMove)
            {
                Accept(i, compromise, OfferKind.Compromise, compromiseTo);
            }
            else if (compel != NoMove)
            {
                Accept(i, compel, OfferKind.Compel, _x[compel]);
            }
            else
            {
                _moveTarget[i] = NoMove;
                _xNext[i] = xi;
            }
        }
    }

    /// <summary>§7.2: all accepted moves take effect at once; updates μ. Returns whether any position changed.</summary>
    public bool ApplyMoves()
    {
        var changed = false;
        for (var i = 0; i < _n; i++)
        {
            changed |= _xNext[i] != _x[i];
            _x[i] = _xNext[i];
        }

        _median = WeightedStats.Median(Positions, Weights, _medianScratch);
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
        Remember(0);
        for (var t = 1; t <= rounds; t++)
        {
            PrepareRound();
            ChooseOffers();
            if (!ApplyMoves())
            {
                break;
            }

            // A round depends on the positions alone, so once the positions repeat those of round t − p the run is
            // periodic with period p and the final state can be read from the window instead of computed: the same
            // numbers, bit for bit, without the remaining rounds (the expected-utility model often oscillates).
            var x = _x.AsSpan(0, n);
            for (var p = 2; p <= CycleWindow && p <= t; p++)
            {
                if (x.SequenceEqual(Remembered(t - p)))
                {
                    var final = t - p + ((rounds - t) % p);
                    if (final != t)
                    {
                        Remembered(final).CopyTo(x);
                        _median = WeightedStats.Median(Positions, Weights, _medianScratch);
                    }

                    return _median;
                }
            }

            Remember(t);
        }

        return _median;
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

    // §3 with the current _r: fills _num, _numT and _den. Equal to the spec's triple sums up to rounding
    // (the tests compare against a literal evaluation to 1e-12).
    private void ComputeProbabilities()
    {
        var n = _n;
        var stride = n + 1;
        var order = _order.AsSpan(0, n);
        var sorted = _sortedX.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        _x.AsSpan(0, n).CopyTo(sorted);
        sorted.Sort(order);
        for (var u = 0; u < n; u++)
        {
            _rank[order[u]] = u;
        }

        for (var a = 0; a < n; a++)
        {
            var xa = _x[a];
            var row = _loss.AsSpan(a * stride, stride);
            double acc = 0;
            row[0] = 0;
            for (var u = 0; u < n; u++)
            {
                var k = order[u];
                acc += _w[k] * Power(Math.Abs(_x[k] - xa) / _l, _r[k]);
                row[u + 1] = acc;
            }
        }

        // Dyads in position order: for a fixed left actor the midpoint only moves right, so the two voter
        // boundaries (first voter at or past the midpoint, first voter past it) only advance.
        for (var u = 0; u < n; u++)
        {
            var lo = order[u];
            var xlo = _x[lo];
            var rowLo = _loss.AsSpan(lo * stride, stride);
            int below = 0, notAbove = 0;
            for (var v = u + 1; v < n; v++)
            {
                var hi = order[v];
                var xhi = _x[hi];
                double forLo = 0, forHi = 0;
                if (xhi != xlo)
                {
                    var mid = 0.5 * (xlo + xhi);
                    while (below < n && sorted[below] < mid)
                    {
                        below++;
                    }

                    notAbove = Math.Max(notAbove, below);
                    while (notAbove < n && sorted[notAbove] <= mid)
                    {
                        notAbove++;
                    }

                    // Voters left of the midpoint lose more at x_hi; voters right of it lose more at x_lo;
                    // voters on it are indifferent. Rounding can leave an ulp below zero: clamp.
                    var rowHi = _loss.AsSpan(hi * stride, stride);
                    forLo = Math.Max(0, rowHi[below] - rowLo[below]);
                    forHi = Math.Max(0, (rowLo[n] - rowHi[n]) - (rowLo[notAbove] - rowHi[notAbove]));
                }

                _num[lo * n + hi] = forLo;
                _numT[lo * n + hi] = forHi;
            }
        }

        MirrorByRank(n);

        // Σ_k |v_k(a,b)| = num(a,b) + num(b,a) and the diagonal is zero, so DEN over all ordered pairs is
        // twice the sum over unordered pairs, summed here in index order.
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            _num[i * n + i] = 0;
            _numT[i * n + i] = 0;
            for (var j = i + 1; j < n; j++)
            {
                total += _num[i * n + j] + _numT[i * n + j];
            }
        }

        _den = 2 * total;
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
                            _num[b * n + a] = _numT[a * n + b];
                            _numT[b * n + a] = _num[a * n + b];
                        }
                    }
                }
            }
        }
    }
}
