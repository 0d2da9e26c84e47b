namespace Parley.Core.Analysis.Roadmaps;

/// <summary>
/// Upper bounds on the beneficiary's final gain from any superset of a step set. Relaxation: each issue's outcome may
/// take any value between the sums of the remaining steps' negative and positive shifts (clamped), issues
/// independently; the veto constraints U_v(final) ≥ U_v(now) − ε·(stages left) enter by Lagrange multipliers λ ≥ 0,
/// fixed once at the root by projected subgradient descent. Every λ ≥ 0 gives a valid bound (weak duality), so the
/// bound is sound however well λ was tuned; the planner takes the smaller of the λ = 0 and tuned bounds.
/// </summary>
internal sealed class UpperBound
{
    private readonly RoadmapModel _m;
    private readonly double[] _lambda;

    public UpperBound(RoadmapModel model)
    {
        _m = model;
        _lambda = new double[model.Veto.Length];
        Root = Tune();
    }

    /// <summary>The bound at the empty set with the tuned multipliers.</summary>
    public double Root { get; }

    /// <summary>Bound for supersets of <paramref name="set"/> reached in <paramref name="stagesUsed"/> stages; <paramref name="y"/> is its unclamped state.</summary>
    public double Of(ulong set, ReadOnlySpan<double> y, int stagesUsed)
    {
        var m = _m;
        Span<double> lo = stackalloc double[m.M];
        Span<double> hi = stackalloc double[m.M];
        Box(set, y, lo, hi);
        var slack = m.Epsilon * Math.Max(0, m.MaxStages - stagesUsed);
        var plain = Evaluate(lo, hi, y, slack, ReadOnlySpan<double>.Empty, out _);
        var tuned = Evaluate(lo, hi, y, slack, _lambda, out _);
        return Math.Min(plain, tuned);
    }

    private void Box(ulong set, ReadOnlySpan<double> y, Span<double> lo, Span<double> hi)
    {
        var m = _m;
        y.CopyTo(lo);
        y.CopyTo(hi);
        for (var j = 0; j < m.N; j++)
        {
            if (((set >> j) & 1UL) != 0)
            {
                continue;
            }

            for (var i = 0; i < m.M; i++)
            {
                var e = m.Effect[(j * m.M) + i];
                if (e < 0)
                {
                    lo[i] += e;
                }
                else
                {
                    hi[i] += e;
                }
            }
        }

        for (var i = 0; i < m.M; i++)
        {
            lo[i] = m.Clamp(i, lo[i]);
            hi[i] = m.Clamp(i, hi[i]);
        }
    }

    // max over z in the box of U_b(z) + Σ λ_v (U_v(z) − L_v), minus U_b(start); z* returned for the subgradient.
    private double Evaluate(ReadOnlySpan<double> lo, ReadOnlySpan<double> hi, ReadOnlySpan<double> y, double slack, ReadOnlySpan<double> lambda, out double[] best)
    {
        var m = _m;
        best = new double[m.M];
        var total = 0.0;
        for (var i = 0; i < m.M; i++)
        {
            // The objective is concave piecewise linear in z_i with kinks at the ideal points, so its maximum on
            // [lo, hi] sits at an end or at a kink inside.
            var bestValue = double.NegativeInfinity;
            var bestZ = lo[i];
            for (var c = -2; c < m.A; c++)
            {
                var z = c == -2 ? lo[i] : c == -1 ? hi[i] : m.Ideal[(c * m.M) + i];
                if (z < lo[i] || z > hi[i])
                {
                    continue;
                }

                var value = Term(i, z, lambda);
                if (value > bestValue)
                {
                    bestValue = value;
                    bestZ = z;
                }
            }

            best[i] = bestZ;
            total += bestValue;
        }

        for (var k = 0; k < lambda.Length; k++)
        {
            total -= lambda[k] * (m.Utility(m.Veto[k], y) - slack);
        }

        return total - m.StartUtility[m.Beneficiary];
    }

    private double Term(int i, double z, ReadOnlySpan<double> lambda)
    {
        var m = _m;
        var b = m.Beneficiary;
        var v = -m.Weight[(b * m.M) + i] * Math.Abs(z - m.Ideal[(b * m.M) + i]);
        for (var k = 0; k < lambda.Length; k++)
        {
            var a = m.Veto[k];
            v -= lambda[k] * m.Weight[(a * m.M) + i] * Math.Abs(z - m.Ideal[(a * m.M) + i]);
        }

        return v;
    }

    private double Tune()
    {
        var m = _m;
        Span<double> y = stackalloc double[m.M];
        m.Start.CopyTo(y);
        Span<double> lo = stackalloc double[m.M];
        Span<double> hi = stackalloc double[m.M];
        Box(0, y, lo, hi);
        var slack = m.Epsilon * m.MaxStages;
        var lambda = new double[m.Veto.Length];
        var bestValue = Evaluate(lo, hi, y, slack, lambda, out _);
        var bestLambda = (double[])lambda.Clone();
        for (var it = 0; it < 400; it++)
        {
            var value = Evaluate(lo, hi, y, slack, lambda, out var z);
            if (value < bestValue)
            {
                bestValue = value;
                Array.Copy(lambda, bestLambda, lambda.Length);
            }

            // Subgradient of the dual in λ_v: U_v(z*) − L_v; step against it, project onto λ ≥ 0.
            var step = 2.0 / (it + 1);
            for (var k = 0; k < lambda.Length; k++)
            {
                var g = m.Utility(m.Veto[k], z) - (m.StartUtility[m.Veto[k]] - slack);
                lambda[k] = Math.Max(0, lambda[k] - (step * g));
            }
        }

        Array.Copy(bestLambda, _lambda, _lambda.Length);
        return bestValue;
    }
}
