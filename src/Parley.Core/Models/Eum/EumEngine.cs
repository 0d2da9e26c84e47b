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
/// One round is <see cref="PrepareRound"/> (median, risk exponents, probabilities), <see cref="ChooseOffers"/>
/// and <see cref="ApplyMoves"/>. All loops run in a fixed order, and the vector reduction in
/// <see cref="SumPositiveNegative"/> uses a fixed width and lane order, so a given input gives the same bits
/// on every run. Not thread-safe.
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

    // _votes[a·n + k] = w_k·(|x_k − x_a|/L)^{r_k}: voter k's weighted loss at alternative a. Row a is contiguous
    // so that num(i,j) is a streaming pass over two rows.
    private readonly double[] _votes;

    // _num[i·n + j] = num(i,j) = Σ_k max(0, v_k(x_i, x_j; r_k)), the votes for i over j, and
    // _numT[i·n + j] = num(j,i). Keeping both layouts lets every hot loop over j read contiguously, which
    // matters once the matrices outgrow the cache (n ≳ 300).
    private readonly double[] _num;
    private readonly double[] _numT;

    // Side of the square tiles used to mirror the upper triangles into the lower ones.
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
        _votes = new double[cells];
        _num = new double[cells];
        _numT = new double[cells];
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

        for (var t = 1; t <= rounds; t++)
        {
            PrepareRound();
            ChooseOffers();
            if (!ApplyMoves())
            {
                break;
            }
        }

        return _median;
    }

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

    // §3 with the current _r: fills _votes, _num and _den.
    private void ComputeProbabilities()
    {
        var n = _n;
        var votes = _votes.AsSpan(0, n * n);
        for (var a = 0; a < n; a++)
        {
            var xa = _x[a];
            var row = votes.Slice(a * n, n);
            for (var k = 0; k < n; k++)
            {
                row[k] = _w[k] * Power(Math.Abs(_x[k] - xa) / _l, _r[k]);
            }
        }

        // Σ_k |v_k(a,b)| = num(a,b) + num(b,a), and the diagonal is zero, so DEN over all ordered pairs is
        // twice the sum over unordered pairs.
        // Upper triangles, four rows i at a time against each later row j: every row j is streamed once per
        // block instead of once per i. Each pair keeps its own accumulators, so blocking does not change a bit.
        var i0 = 0;
        for (; i0 + 4 <= n; i0 += 4)
        {
            for (var i = i0; i < i0 + 4; i++)
            {
                PairsWithinBlock(votes, i, i0 + 4, n);
            }

            var r0 = votes.Slice(i0 * n, n);
            var r1 = votes.Slice((i0 + 1) * n, n);
            var r2 = votes.Slice((i0 + 2) * n, n);
            var r3 = votes.Slice((i0 + 3) * n, n);
            for (var j = i0 + 4; j < n; j++)
            {
                SumPositiveNegative4(votes.Slice(j * n, n), r0, r1, r2, r3, out var pos, out var neg);
                _num[i0 * n + j] = pos.GetElement(0);
                _num[(i0 + 1) * n + j] = pos.GetElement(1);
                _num[(i0 + 2) * n + j] = pos.GetElement(2);
                _num[(i0 + 3) * n + j] = pos.GetElement(3);
                _numT[i0 * n + j] = neg.GetElement(0);
                _numT[(i0 + 1) * n + j] = neg.GetElement(1);
                _numT[(i0 + 2) * n + j] = neg.GetElement(2);
                _numT[(i0 + 3) * n + j] = neg.GetElement(3);
            }
        }

        for (var i = i0; i < n; i++)
        {
            PairsWithinBlock(votes, i, n, n);
        }

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

        // Lower triangles: num(j,i) = numT(i,j) and numT(j,i) = num(i,j) for i < j.
        MirrorUpperInto(_numT, _num, n);
        MirrorUpperInto(_num, _numT, n);
        _den = 2 * total;
    }

    // target[j·n + i] = source[i·n + j] for i < j, tile by tile so both sides stay in cache.
    private static void MirrorUpperInto(double[] source, double[] target, int n)
    {
        for (var i0 = 0; i0 < n; i0 += Tile)
        {
            var i1 = Math.Min(n, i0 + Tile);
            for (var j0 = i0; j0 < n; j0 += Tile)
            {
                var j1 = Math.Min(n, j0 + Tile);
                for (var i = i0; i < i1; i++)
                {
                    for (var j = Math.Max(j0, i + 1); j < j1; j++)
                    {
                        target[j * n + i] = source[i * n + j];
                    }
                }
            }
        }
    }

    // num(i,j) and num(j,i) for i < j < end, one pair at a time.
    private void PairsWithinBlock(Span<double> votes, int i, int end, int n)
    {
        var rowI = votes.Slice(i * n, n);
        for (var j = i + 1; j < end; j++)
        {
            // v_k(x_i, x_j) > 0 when voter k loses more at x_j than at x_i.
            SumPositiveNegative(votes.Slice(j * n, n), rowI, out var forI, out var forJ);
            _num[i * n + j] = forI;
            _numT[i * n + j] = forJ;
        }
    }

    // SumPositiveNegative(a, b_q) for four rows b_q at once; lane q of the results belongs to b_q. The arithmetic
    // per pair is exactly that of the single-pair kernel.
    private static void SumPositiveNegative4(ReadOnlySpan<double> a, ReadOnlySpan<double> b0, ReadOnlySpan<double> b1, ReadOnlySpan<double> b2, ReadOnlySpan<double> b3, out Vector256<double> positive, out Vector256<double> negative)
    {
        var n = a.Length;
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var r0 = ref MemoryMarshal.GetReference(b0);
        ref var r1 = ref MemoryMarshal.GetReference(b1);
        ref var r2 = ref MemoryMarshal.GetReference(b2);
        ref var r3 = ref MemoryMarshal.GetReference(b3);
        var zero = Vector256<double>.Zero;
        Vector256<double> p0 = zero, p1 = zero, p2 = zero, p3 = zero, q0 = zero, q1 = zero, q2 = zero, q3 = zero;
        var k = 0;
        for (; k <= n - 4; k += 4)
        {
            var va = Vector256.LoadUnsafe(ref ra, (nuint)k);
            var d0 = va - Vector256.LoadUnsafe(ref r0, (nuint)k);
            var d1 = va - Vector256.LoadUnsafe(ref r1, (nuint)k);
            var d2 = va - Vector256.LoadUnsafe(ref r2, (nuint)k);
            var d3 = va - Vector256.LoadUnsafe(ref r3, (nuint)k);
            p0 += Vector256.Max(d0, zero);
            q0 += Vector256.Max(-d0, zero);
            p1 += Vector256.Max(d1, zero);
            q1 += Vector256.Max(-d1, zero);
            p2 += Vector256.Max(d2, zero);
            q2 += Vector256.Max(-d2, zero);
            p3 += Vector256.Max(d3, zero);
            q3 += Vector256.Max(-d3, zero);
        }

        var pos = Vector256.Create(Reduce(p0), Reduce(p1), Reduce(p2), Reduce(p3));
        var neg = Vector256.Create(Reduce(q0), Reduce(q1), Reduce(q2), Reduce(q3));
        for (; k < n; k++)
        {
            var diff = Vector256.Create(a[k]) - Vector256.Create(b0[k], b1[k], b2[k], b3[k]);
            pos += Vector256.Max(diff, zero);
            neg += Vector256.Max(-diff, zero);
        }

        positive = pos;
        negative = neg;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Reduce(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));

    // Returns Σ max(0, a_k − b_k) and Σ max(0, b_k − a_k). Fixed 4-lane width and fixed lane order, so the
    // result does not depend on the hardware's vector width.
    private static void SumPositiveNegative(ReadOnlySpan<double> a, ReadOnlySpan<double> b, out double positive, out double negative)
    {
        var n = a.Length;
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var pos = Vector256<double>.Zero;
        var neg = Vector256<double>.Zero;
        var k = 0;
        for (; k <= n - 4; k += 4)
        {
            var diff = Vector256.LoadUnsafe(ref ra, (nuint)k) - Vector256.LoadUnsafe(ref rb, (nuint)k);
            pos += Vector256.Max(diff, Vector256<double>.Zero);
            neg += Vector256.Max(-diff, Vector256<double>.Zero);
        }

        var p = (pos.GetElement(0) + pos.GetElement(1)) + (pos.GetElement(2) + pos.GetElement(3));
        var q = (neg.GetElement(0) + neg.GetElement(1)) + (neg.GetElement(2) + neg.GetElement(3));
        for (; k < n; k++)
        {
            var diff = a[k] - b[k];
            if (diff > 0)
            {
                p += diff;
            }
            else
            {
                q -= diff;
            }
        }

        positive = p;
        negative = q;
    }
}
