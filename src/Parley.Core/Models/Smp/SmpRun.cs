namespace Parley.Core.Models.Smp;

/// <summary>
/// One SMP run (spec smp.md §3–§7). Holds the current state only; memory is O(N² + N·D) whatever the number of turns.
/// Per-actor work runs in parallel, each actor writing its own slots, so results do not depend on the thread count.
/// </summary>
internal sealed class SmpRun
{
    private readonly SmpOptions _o;
    private readonly SmpInput _input;
    private readonly int _n;
    private readonly int _d;
    private readonly double[] _cap;
    private readonly double[] _sal;     // N·D on [0, 1]
    private readonly double[] _salSq;   // Σ_d s_id²
    private readonly double[] _weight;  // c_i·S_i
    private readonly double[] _salSum;  // S_i
    private readonly double[]? _acc;
    private readonly List<string> _messages = [];
    private readonly SmpRandom _random;

    private int _turn;                  // the state being built, for messages
    private double[] _x;                // N·D positions on [0, 1]
    private double[] _ideal;            // N·D ideals on [0, 1]
    private readonly double[] _deltaT;  // [j·N + n] = δ_nj (column-major so loops over n are contiguous)
    private readonly double[] _risk;    // R_n
    private readonly double[] _own;     // [n·N + m] = u(δ_nm, R_n) = A^n_nm
    private readonly double[] _util;    // N·N option-major scratch for the state-wide elections
    private readonly SmpElection _election;

    public SmpRun(SmpInput input, SmpOptions options)
    {
        _o = options;
        _input = input;
        _n = input.ActorCount;
        _d = input.DimensionCount;
        _cap = input.CapabilitiesFlat.ToArray();
        _sal = new double[_n * _d];
        _x = new double[_n * _d];
        _salSq = new double[_n];
        _salSum = new double[_n];
        _weight = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            for (var k = 0; k < _d; k++)
            {
                var s = input.SaliencesFlat[(i * _d) + k] / 100;
                _sal[(i * _d) + k] = s;
                _x[(i * _d) + k] = input.PositionsFlat[(i * _d) + k] / 100;
                _salSq[i] += s * s;
                _salSum[i] += s;
            }

            _weight[i] = _cap[i] * _salSum[i];
        }

        _ideal = (double[])_x.Clone();
        _acc = input.AccommodationFlat;
        _deltaT = new double[_n * _n];
        _risk = new double[_n];
        _own = new double[_n * _n];
        _util = new double[_n * _n];
        _election = new SmpElection(options);
        _random = new SmpRandom(options.Seed);
    }

    public SmpResult Execute()
    {
        var turns = new List<SmpTurn>();
        PrepareState(0);
        turns.Add(Snapshot(0, 0, null, [], []));
        double firstMove = 0;
        var stop = SmpStopReason.MaxTurns;
        for (var t = 1; t <= _o.MaxTurns; t++)
        {
            var old = _x;
            var (bargains, chosen) = Step();
            var move = Movement(old, _x);
            if (t == 1)
            {
                firstMove = move;
            }

            var ratio = move / (firstMove + _o.MinSignificantDelta);
            PrepareState(t);
            turns.Add(Snapshot(t, move, ratio, bargains, chosen));
            if (t >= _o.MinTurns && ratio < _o.MinDeltaRatio)
            {
                stop = SmpStopReason.Converged;
                break;
            }
        }

        return new SmpResult(_input, _o, turns, stop, [.. _input.Notes, .. _messages]);
    }

    private double Movement(double[] a, double[] b)
    {
        double total = 0;
        for (var i = 0; i < _n; i++)
        {
            double s = 0;
            for (var k = 0; k < _d; k++)
            {
                var diff = a[(i * _d) + k] - b[(i * _d) + k];
                s += diff * diff;
            }

            total += Math.Sqrt(s);
        }

        return total;
    }

    private SmpTurn Snapshot(int turn, double move, double? ratio, IReadOnlyList<SmpBargain> bargains, IReadOnlyList<int> chosen)
    {
        var pos = new double[_n * _d];
        for (var k = 0; k < pos.Length; k++)
        {
            pos[k] = _x[k] * 100;
        }

        var win = WinProbabilities();
        return new SmpTurn(turn, _n, _d, pos, win, (double[])_risk.Clone(), move, ratio, bargains, chosen);
    }

    /// <summary>δ, risk attitudes and own utilities of the current state (§3).</summary>
    private void PrepareState(int turn)
    {
        _turn = turn;
        var n = _n;
        Parallel.For(0, n, j =>
        {
            var col = _deltaT.AsSpan(j * n, n);
            for (var i = 0; i < n; i++)
            {
                col[i] = Distance(i, _x.AsSpan(j * _d, _d));
            }
        });

        // Risk-neutral election over all positions, weights = capabilities.
        for (var k = 0; k < _util.Length; k++)
        {
            _util[k] = 1 - _deltaT[k];
        }

        var p = new double[n];
        CheckConverged(_election.Solve(_cap, _util, n, p, parallel: true), turn, "risk attitudes");
        if (!SmpMath.RiskAttitudes(_o.BigRRange, p, _risk, out var spread))
        {
            _messages.Add($"Turn {turn}: all positions are equally likely to win (spread of probabilities {spread:G3}); risk attitudes set to 0 (KTAB divides by zero here and aborts).");
        }

        Parallel.For(0, n, i =>
        {
            var r = _risk[i];
            var row = _own.AsSpan(i * n, n);
            for (var m = 0; m < n; m++)
            {
                row[m] = SmpMath.Utility(_deltaT[(m * n) + i], r);
            }
        });
    }

    /// <summary>δ(ξ_i, y): distance from i's ideal to point y, weighted by i's saliences.</summary>
    private double Distance(int i, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (var k = 0; k < _d; k++)
        {
            var diff = _sal[(i * _d) + k] * (_ideal[(i * _d) + k] - y[k]);
            s += diff * diff;
        }

        return Math.Sqrt(s / _salSq[i]);
    }

    private void CheckConverged(bool converged, int turn, string what)
    {
        if (!converged)
        {
            lock (_messages)
            {
                _messages.Add($"Turn {turn}: the {_o.PceModel} election for {what} did not converge; its last iterate was used.");
            }
        }
    }

    /// <summary>§7: probability that each actor's position wins, over the distinct positions.</summary>
    private double[] WinProbabilities()
    {
        var n = _n;
        var reps = new List<int>();
        var cls = new int[n];
        var tolSq = _o.PositionTolerance * _o.PositionTolerance;
        for (var i = 0; i < n; i++)
        {
            cls[i] = -1;
            for (var m = 0; m < reps.Count; m++)
            {
                if (SquaredDistance(i, reps[m]) < tolSq)
                {
                    cls[i] = m;
                    break;
                }
            }

            if (cls[i] < 0)
            {
                cls[i] = reps.Count;
                reps.Add(i);
            }
        }

        var mCount = reps.Count;
        for (var m = 0; m < mCount; m++)
        {
            var rep = reps[m];
            for (var v = 0; v < n; v++)
            {
                _util[(m * n) + v] = _own[(v * n) + rep];
            }
        }

        var pi = new double[mCount];
        CheckConverged(_election.Solve(_cap, _util, mCount, pi, parallel: true), _turn, "win probabilities");
        // KTAB reports for each actor the probability of the LAST distinct position within tolerance of it (it scans
        // them all without stopping), which differs from its own class when positions form chains closer than the tolerance.
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var last = cls[i];
            for (var m = mCount - 1; m > last; m--)
            {
                if (SquaredDistance(i, reps[m]) < tolSq)
                {
                    last = m;
                    break;
                }
            }

            result[i] = pi[last];
        }

        return result;
    }

    private double SquaredDistance(int a, int b)
    {
        double s = 0;
        for (var k = 0; k < _d; k++)
        {
            var diff = _x[(a * _d) + k] - _x[(b * _d) + k];
            s += diff * diff;
        }

        return s;
    }

    /// <summary>One turn (§5): targets, proposals, resolution, new ideals. Replaces <see cref="_x"/>.</summary>
    private (IReadOnlyList<SmpBargain> Bargains, IReadOnlyList<int> Chosen) Step()
    {
        var n = _n;
        var target = new int[n];
        var targetP = new double[n];
        var targetGain = new double[n];

        // a. Each actor's best target, from its own perspective.
        Parallel.For(0, n, i =>
        {
            var r = new double[n];
            var colI = new double[n];
            var diag = new double[n];
            PreparePerspective(i, i, r, colI, diag);
            var best = -1;
            double bestGain = 0, bestP = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var (pij, gain) = Evaluate(i, i, j, r, colI, diag);
                if (gain > _o.MinSignificantGain && (best < 0 || gain > bestGain))
                {
                    best = j;
                    bestGain = gain;
                    bestP = pij;
                }
            }

            target[i] = best;
            targetP[i] = bestP;
            targetGain[i] = bestGain;
        });

        // b. Proposals, in initiator order.
        var bargains = new List<SmpBargain>();
        var raw = new List<(double[] Init, double[] Rcvr)>();
        for (var i = 0; i < n; i++)
        {
            var j = target[i];
            if (j < 0)
            {
                continue;
            }

            var p = targetP[i];
            var (yi, yj) = Interpolate(i, j, p);
            switch (_o.BargainModel)
            {
                case BargainModel.InitOnlyInterp:
                    Add(i, j, yi, yj);
                    break;
                case BargainModel.InitRcvrInterp:
                    {
                        Add(i, j, yi, yj);
                        var (ri, rj) = Interpolate(i, j, ReceiverQuirkValue(i, j));
                        Add(i, j, ri, rj);
                        break;
                    }

                case BargainModel.PWCompInterp:
                    {
                        var (ri, rj) = Interpolate(i, j, ReceiverQuirkValue(i, j));
                        // KTAB weighs both interpolations by the initiator's capability (times S_i and S_j).
                        var wi = _cap[i] * _salSum[i];
                        var wj = _cap[i] * _salSum[j];
                        var ci = new double[_d];
                        var cj = new double[_d];
                        for (var k = 0; k < _d; k++)
                        {
                            ci[k] = ((wi * yi[k]) + (wj * ri[k])) / (wi + wj);
                            cj[k] = ((wi * yj[k]) + (wj * rj[k])) / (wi + wj);
                        }

                        Add(i, j, ci, cj);
                        break;
                    }

                default:
                    throw new InvalidOperationException($"Unknown bargain model {_o.BargainModel}.");
            }
        }

        void Add(int i, int j, double[] yi, double[] yj)
        {
            bargains.Add(new SmpBargain(i, j, Percent(yi), Percent(yj), targetP[i], targetGain[i]));
            raw.Add((yi, yj));
        }

        // c. Resolution: every bargain's and the status quo's utility to every voter, then one election per actor.
        var bUtil = new double[bargains.Count * n];
        var sq = new double[n];
        Parallel.For(0, bargains.Count + 1, b =>
        {
            if (b == bargains.Count)
            {
                for (var v = 0; v < n; v++)
                {
                    double s = 0;
                    var row = _own.AsSpan(v * n, n);
                    for (var m = 0; m < n; m++)
                    {
                        s += row[m];
                    }

                    sq[v] = s / n;
                }

                return;
            }

            var (bi, bj) = (bargains[b].Initiator, bargains[b].Receiver);
            for (var v = 0; v < n; v++)
            {
                var row = _own.AsSpan(v * n, n);
                var ui = SmpMath.Utility(Distance(v, raw[b].Init), _risk[v]);
                var uj = SmpMath.Utility(Distance(v, raw[b].Rcvr), _risk[v]);
                double s = 0;
                for (var m = 0; m < n; m++)
                {
                    s += m == bi ? ui : (m == bj ? uj : row[m]);
                }

                bUtil[(b * n) + v] = s / n;
            }
        });

        var optionLists = new List<int>[n];
        for (var k = 0; k < n; k++)
        {
            optionLists[k] = [-1];
        }

        for (var b = 0; b < bargains.Count; b++)
        {
            optionLists[bargains[b].Initiator].Add(b);
        }

        // Proposals received come after the actor's own, by ascending initiator (bargains are in initiator order).
        for (var b = 0; b < bargains.Count; b++)
        {
            optionLists[bargains[b].Receiver].Add(b);
        }

        var probs = new double[n][];
        Parallel.For(
            0,
            n,
            () => new SmpElection(_o),
            (k, _, election) =>
            {
                var opts = optionLists[k];
                var m = opts.Count;
                var u = new double[m * n];
                for (var o = 0; o < m; o++)
                {
                    var src = opts[o] < 0 ? sq.AsSpan() : bUtil.AsSpan(opts[o] * n, n);
                    src.CopyTo(u.AsSpan(o * n, n));
                }

                var pi = new double[m];
                CheckConverged(election.Solve(_cap, u, m, pi, parallel: false), _turn + 1, $"the options of actor '{_input.ActorIds[k]}'");
                probs[k] = pi;
                return election;
            },
            _ => { });

        var chosen = new int[n];
        var next = (double[])_x.Clone();
        for (var k = 0; k < n; k++)
        {
            var pi = probs[k];
            var pick = _o.StateTransitions == StateTransitions.Stochastic ? _random.Choose(pi) : ArgMax(pi);
            var b = optionLists[k][pick];
            chosen[k] = b;
            if (b < 0)
            {
                continue;
            }

            var y = bargains[b].Initiator == k ? raw[b].Init : raw[b].Rcvr;
            y.CopyTo(next.AsSpan(k * _d, _d));
        }

        // d. New ideals: ξ' = Σ_j a_ij x'_j + (1 − Σ_j a_ij) ξ (identity accommodation: ξ' = x').
        if (_acc is null)
        {
            _ideal = (double[])next.Clone();
        }
        else
        {
            var ideal = new double[_n * _d];
            for (var i = 0; i < n; i++)
            {
                double rowSum = 0;
                for (var j = 0; j < n; j++)
                {
                    rowSum += _acc[(i * n) + j];
                }

                for (var k = 0; k < _d; k++)
                {
                    double s = 0;
                    for (var j = 0; j < n; j++)
                    {
                        s += _acc[(i * n) + j] * next[(j * _d) + k];
                    }

                    ideal[(i * _d) + k] = s + ((1 - rowSum) * _ideal[(i * _d) + k]);
                }
            }

            _ideal = ideal;
        }

        _x = next;
        return (bargains, chosen);
    }

    private static int ArgMax(double[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static IReadOnlyList<double> Percent(double[] y) => y.Select(v => v * 100).ToArray().AsReadOnly();

    /// <summary>h's view: r[a] = r_ha, colI[a] = A^h_{a,i}, diag[a] = A^h_{a,a}.</summary>
    private void PreparePerspective(int h, int i, double[] r, double[] colI, double[] diag)
    {
        var n = _n;
        for (var a = 0; a < n; a++)
        {
            r[a] = SmpMath.AdjustRisk(_o.BigRAdjust, _risk[h], _risk[a]);
        }

        var di = _deltaT.AsSpan(i * n, n);
        for (var a = 0; a < n; a++)
        {
            colI[a] = SmpMath.Utility(di[a], r[a]);
            diag[a] = SmpMath.Utility(_deltaT[(a * n) + a], r[a]);
        }
    }

    /// <summary>
    /// §4 with k = i: h's estimate (through <paramref name="r"/>, <paramref name="colI"/>, <paramref name="diag"/>) of
    /// the probability that i beats j and of i's expected gain from challenging j.
    /// </summary>
    private (double P, double Gain) Evaluate(int i, int k, int j, double[] r, double[] colI, double[] diag) =>
        _o.VotingRule == SmpVotingRule.Prop
            ? Evaluate(default(PropVote), i, k, j, r, colI, diag)
            : Evaluate(new RuleVote(_o.VotingRule), i, k, j, r, colI, diag);

    // Generic over the voting rule so that the JIT compiles the default (Prop) hot loop without a per-vote switch.
    private (double P, double Gain) Evaluate<TVote>(TVote rule, int i, int k, int j, double[] r, double[] colI, double[] diag)
        where TVote : struct, IVote
    {
        var n = _n;
        var dj = _deltaT.AsSpan(j * n, n);
        var aii = colI[i];
        var aij = SmpMath.Utility(dj[i], r[i]);
        var aji = colI[j];
        var ajj = diag[j];
        var ai = rule.Vote(_weight[i], aii, aij);
        var aj = rule.Vote(_weight[j], aji, ajj);
        var alpha = SmpMath.ChallengeFloor + Math.Max(ai, 0) + Math.Max(aj, 0);
        var beta = SmpMath.ChallengeFloor + Math.Max(-ai, 0) + Math.Max(-aj, 0);
        double plus = alpha, minus = beta;
        var commit = _o.ThirdPartyCommit;
        for (var t = 0; t < n; t++)
        {
            if (t == i || t == j)
            {
                continue;
            }

            var ani = colI[t];
            var anj = SmpMath.Utility(dj[t], r[t]);
            var ann = diag[t];
            var w = _weight[t];
            var v = rule.Vote(w, ani, anj);
            var pv = Math.Max(v, 0);
            var pi = (alpha + pv) / (alpha + pv + beta + Math.Max(-v, 0));
            double withI, withJ;
            switch (commit)
            {
                case ThirdPartyCommit.SemiCommit:
                    withI = (pi * ((2 * ani) + ann)) + ((1 - pi) * (3 * anj));
                    withJ = (pi * (3 * ani)) + ((1 - pi) * ((2 * anj) + ann));
                    break;
                case ThirdPartyCommit.FullCommit:
                    withI = (pi * (3 * ani)) + ((1 - pi) * (3 * anj));
                    withJ = withI;
                    break;
                default:
                    withI = (pi * ((2 * ani) + ann)) + ((1 - pi) * ((2 * anj) + ann));
                    withJ = withI;
                    break;
            }

            var tv = rule.Vote(w, withI, withJ);
            if (tv > 0)
            {
                plus += tv;
            }
            else if (tv < 0)
            {
                minus -= tv;
            }
        }

        var p = plus / (plus + minus);
        var aki = colI[k];
        var akj = SmpMath.Utility(dj[k], r[k]);
        var sj = _salSum[j];
        var win = 2 * aki;
        var lose = 2 * akj;
        var challenge = ((1 - sj) * win) + (sj * ((p * win) + ((1 - p) * lose)));
        return (p, challenge - (aki + akj));
    }

    /// <summary>KTAB's receiver-side interpolation weight: the ΔEU of j's estimate of the effect on i (a KTAB quirk, §5b).</summary>
    private double ReceiverQuirkValue(int i, int j)
    {
        var n = _n;
        var r = new double[n];
        var colI = new double[n];
        var diag = new double[n];
        PreparePerspective(j, i, r, colI, diag);
        return Evaluate(i, i, j, r, colI, diag).Gain;
    }

    /// <summary>§5b: the bargain positions of i and j (on [0, 1]) with probability <paramref name="p"/> that i wins.</summary>
    private (double[] Yi, double[] Yj) Interpolate(int i, int j, double p)
    {
        var yi = new double[_d];
        var yj = new double[_d];
        const double eps = 1e-6;
        for (var k = 0; k < _d; k++)
        {
            double si = _sal[(i * _d) + k], sj = _sal[(j * _d) + k];
            double xi = _x[(i * _d) + k], xj = _x[(j * _d) + k];
            switch (_o.InterVecBargain)
            {
                case InterVecBargain.S2P2:
                case InterVecBargain.S1P1:
                    {
                        double wi, wj;
                        if (_o.InterVecBargain == InterVecBargain.S2P2)
                        {
                            wi = si * si * p * p;
                            wj = sj * sj * (1 - p) * (1 - p);
                        }
                        else
                        {
                            wi = si * p;
                            wj = sj * (1 - p);
                        }

                        yi[k] = SmpMath.Round4((((wi + eps) * xi) + (wj * xj)) / (wi + wj + eps));
                        yj[k] = SmpMath.Round4(((wi * xi) + ((wj + eps) * xj)) / (wi + wj + eps));
                        break;
                    }

                default:
                    {
                        var di = Math.Max(0, (1 - p) - p);
                        var dj = Math.Max(0, p - (1 - p));
                        double si2 = si * si, sj2 = sj * sj;
                        yi[k] = xi + (di * sj2 / ((di * sj2) + eps + ((1 - di) * si2)) * (xj - xi));
                        yj[k] = xj + (dj * si2 / ((dj * si2) + eps + ((1 - dj) * sj2)) * (xi - xj));
                        break;
                    }
            }
        }

        return (yi, yj);
    }

    private interface IVote
    {
        double Vote(double w, double a, double b);
    }

    private readonly struct PropVote : IVote
    {
        public double Vote(double w, double a, double b) => w * (a - b);
    }

    private readonly struct RuleVote(SmpVotingRule rule) : IVote
    {
        public double Vote(double w, double a, double b) => SmpMath.Vote(rule, w, a, b);
    }
}
