using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Parley.Core.Numerics;

namespace Parley.Core.Models.Eum;

// §3 and §5: positions in order, the vote tallies and probabilities, the security sums (the state is in EumEngine.cs).
internal sealed partial class EumEngine
{
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
