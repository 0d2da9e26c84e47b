using System.Numerics;
using System.Runtime.Intrinsics;

namespace Parley.Core.Models.Eum;

// §6–§7.1: which offer each actor accepts in a round (the state is in EumEngine.cs).
internal sealed partial class EumEngine
{
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
}
