namespace Parley.Core.Models.Smp;

/// <summary>
/// Probabilistic Condorcet election (spec smp.md §2): N weighted voters, M options, utilities → option probabilities.
/// Owns its scratch buffers; not thread-safe (one per worker).
/// </summary>
internal sealed class SmpElection
{
    private const int MaxMarkovIterations = 100_000;

    private readonly SmpOptions _options;
    private double[] _c = [];
    private double[] _p = [];
    private double[] _q = [];
    private double[] _m = [];

    public SmpElection(SmpOptions options)
    {
        _options = options;
    }

    /// <summary>Fills <paramref name="result"/> with option probabilities; returns false if a Markov iteration hit its cap.</summary>
    /// <param name="weights">N voting weights.</param>
    /// <param name="utilities">Option-major: entry [o·N + n] is voter n's utility for option o.</param>
    /// <param name="options">M, the number of options.</param>
    /// <param name="result">M option probabilities, summing to 1.</param>
    /// <param name="parallel">Spread the coalition sums over cores (results are identical either way).</param>
    public bool Solve(ReadOnlySpan<double> weights, double[] utilities, int options, Span<double> result, bool parallel)
    {
        var n = weights.Length;
        var m = options;
        EnsureCapacity(m);
        var c = _c;
        var p = _p;
        var rule = _options.VotingRule;
        if (parallel && m > 16)
        {
            var w = weights.ToArray();
            Parallel.For(0, m, i => CoalitionRow(rule, w, utilities, n, m, i, c));
        }
        else
        {
            for (var i = 0; i < m; i++)
            {
                CoalitionRow(rule, weights, utilities, n, m, i, c);
            }
        }

        var vpm = _options.VictoryProbModel;
        for (var i = 0; i < m; i++)
        {
            p[(i * m) + i] = 0.5;
            for (var j = i + 1; j < m; j++)
            {
                double cij = c[(i * m) + j], cji = c[(j * m) + i];
                p[(i * m) + j] = SmpMath.VictoryProbability(vpm, cij, cji);
                p[(j * m) + i] = SmpMath.VictoryProbability(vpm, cji, cij);
            }
        }

        return _options.PceModel switch
        {
            PceModel.Conditional => Conditional(p, m, result),
            PceModel.MarkovUniform => MarkovUniform(p, m, result),
            PceModel.MarkovIncentive => MarkovIncentive(c, p, m, result),
            _ => throw new InvalidOperationException($"Unknown PCE model {_options.PceModel}."),
        };
    }

    // Row i fills C[i,j] and C[j,i] for j > i: every pair is owned by one row, so parallel rows never share a slot,
    // and each sum runs over the voters in index order whatever the scheduling.
    private static void CoalitionRow(SmpVotingRule rule, ReadOnlySpan<double> w, double[] u, int n, int m, int i, double[] c)
    {
        c[(i * m) + i] = SmpMath.CoalitionFloor;
        var ui = u.AsSpan(i * n, n);
        for (var j = i + 1; j < m; j++)
        {
            var uj = u.AsSpan(j * n, n);
            double pos = 0, neg = 0;
            if (rule == SmpVotingRule.Prop)
            {
                for (var k = 0; k < n; k++)
                {
                    var v = w[k] * (ui[k] - uj[k]);
                    if (v > 0)
                    {
                        pos += v;
                    }
                    else
                    {
                        neg -= v;
                    }
                }
            }
            else
            {
                for (var k = 0; k < n; k++)
                {
                    var v = SmpMath.Vote(rule, w[k], ui[k], uj[k]);
                    if (v > 0)
                    {
                        pos += v;
                    }
                    else
                    {
                        neg -= v;
                    }
                }
            }

            c[(i * m) + j] = SmpMath.CoalitionFloor + pos;
            c[(j * m) + i] = SmpMath.CoalitionFloor + neg;
        }
    }

    private static bool Conditional(double[] p, int m, Span<double> result)
    {
        double total = 0;
        for (var i = 0; i < m; i++)
        {
            double prod = 1;
            for (var j = 0; j < m; j++)
            {
                prod *= p[(i * m) + j];
            }

            result[i] = prod;
            total += prod;
        }

        if (total > 0 && double.IsFinite(total))
        {
            for (var i = 0; i < m; i++)
            {
                result[i] /= total;
            }

            return true;
        }

        // Every product underflowed (very many options): redo it in logs, which gives the same ratios.
        var max = double.NegativeInfinity;
        for (var i = 0; i < m; i++)
        {
            double s = 0;
            for (var j = 0; j < m; j++)
            {
                s += Math.Log(p[(i * m) + j]);
            }

            result[i] = s;
            max = Math.Max(max, s);
        }

        total = 0;
        for (var i = 0; i < m; i++)
        {
            result[i] = Math.Exp(result[i] - max);
            total += result[i];
        }

        for (var i = 0; i < m; i++)
        {
            result[i] /= total;
        }

        return true;
    }

    private bool MarkovUniform(double[] p, int m, Span<double> pi)
    {
        var q = _q;
        pi[..m].Fill(1.0 / m);
        for (var iter = 0; iter < MaxMarkovIterations; iter++)
        {
            double change = 0;
            for (var i = 0; i < m; i++)
            {
                double s = 0;
                for (var j = 0; j < m; j++)
                {
                    s += p[(i * m) + j] * (pi[i] + pi[j]);
                }

                q[i] = s / m;
                change = Math.Max(change, Math.Abs(q[i] - pi[i]));
            }

            for (var i = 0; i < m; i++)
            {
                pi[i] = (pi[i] + q[i]) / 2;
            }

            if (change <= 1e-6)
            {
                return true;
            }
        }

        return false;
    }

    private bool MarkovIncentive(double[] c, double[] p, int m, Span<double> pi)
    {
        // Q_ij = I_ij / Σ_k I_kj with I_ij = C_ij·P(i>j) (+1e-10 on the diagonal), stored in _m.
        var qm = _m;
        for (var j = 0; j < m; j++)
        {
            double col = 0;
            for (var k = 0; k < m; k++)
            {
                var inc = c[(k * m) + j] * p[(k * m) + j];
                if (k == j)
                {
                    inc += 1e-10;
                }

                qm[(k * m) + j] = inc;
                col += inc;
            }

            for (var k = 0; k < m; k++)
            {
                qm[(k * m) + j] /= col;
            }
        }

        var q = _q;
        pi[..m].Fill(1.0 / m);
        for (var iter = 0; iter < MaxMarkovIterations; iter++)
        {
            double change = 0;
            for (var i = 0; i < m; i++)
            {
                double s = 0;
                for (var j = 0; j < m; j++)
                {
                    // T_ij = π_i Q_ji, T_ji = π_j Q_ij.
                    var tij = pi[i] * qm[(j * m) + i];
                    var tji = pi[j] * qm[(i * m) + j];
                    s += p[(i * m) + j] * (tij + tji);
                }

                q[i] = s;
                change = Math.Max(change, Math.Abs(q[i] - pi[i]));
            }

            for (var i = 0; i < m; i++)
            {
                pi[i] = (pi[i] + q[i]) / 2;
            }

            if (change <= 1e-8)
            {
                return true;
            }
        }

        return false;
    }

    private void EnsureCapacity(int m)
    {
        if (_c.Length < m * m)
        {
            _c = new double[m * m];
            _p = new double[m * m];
            _m = new double[m * m];
            _q = new double[m];
        }
    }
}
