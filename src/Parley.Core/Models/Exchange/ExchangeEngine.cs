using System.Numerics;

namespace Parley.Core.Models.Exchange;

/// <summary>
/// The round loop of the exchange model (spec: shared/spec/exchange.md §2–§7) on the internal 0–100 scale,
/// in 28-digit decimal arithmetic with the reference's operation order. Not thread-safe; one run per instance.
/// </summary>
internal sealed class ExchangeEngine
{
    private static readonly Dec28 Threshold = Dec28.FromDoubleExact(1e-10);
    private static readonly Dec28 TieThreshold = Dec28.FromDoubleExact(1e-20);
    private static readonly (BigInteger C, int E) SalienceWeight = Dec28.ExactDouble(ExchangeOptions.SalienceWeight);
    private static readonly (BigInteger C, int E) FixedWeight = Dec28.ExactDouble(ExchangeOptions.FixedWeight);

    private readonly ExchangeOptions _options;
    private readonly int _actors;
    private readonly int _issues;
    private readonly bool[][] _has;
    private readonly Dec28[][] _s;
    private readonly Dec28[][] _c;
    private readonly Dec28[] _d;
    private readonly Dec28[] _k;
    private readonly Dec28[] _lower;
    private readonly int[][] _members;
    private Dec28[][] _pos;
    private readonly Dec28[][] _terms;
    private readonly double[][] _termsD;
    private readonly double[][] _scD;
    private readonly double[] _dD;

    public ExchangeEngine(ExchangeInput input, ExchangeOptions options)
    {
        _options = options;
        _actors = input.ActorIds.Count;
        _issues = input.Issues.Count;
        _has = NewJagged<bool>();
        _s = NewJagged<Dec28>();
        _c = NewJagged<Dec28>();
        _pos = NewJagged<Dec28>();
        _terms = NewJagged<Dec28>();
        _termsD = NewJagged<double>();
        _scD = NewJagged<double>();
        _dD = new double[_issues];
        _d = new Dec28[_issues];
        _k = new Dec28[_issues];
        _lower = new Dec28[_issues];
        var actorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < _actors; a++)
        {
            actorIndex[input.ActorIds[a]] = a;
        }

        var issueIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _issues; i++)
        {
            var issue = input.Issues[i];
            issueIndex[issue.Id] = i;
            var lower = Dec28.FromDecimal(issue.Lower);
            var delta = Dec28.FromDecimal(issue.Upper) - lower;
            _lower[i] = lower;

            // k = 100 / (upper − lower) as a rounded decimal, as the reference does (0 for a degenerate scale).
            _k[i] = delta.IsZero ? Dec28.Zero : Dec28.Hundred / delta;
        }

        foreach (var v in input.Values)
        {
            var i = issueIndex[v.IssueId];
            var a = actorIndex[v.ActorId];
            _has[i][a] = true;
            _s[i][a] = Dec28.FromDecimal(v.Salience);
            _c[i][a] = Dec28.FromDecimal(v.Power);
            _pos[i][a] = (Dec28.FromDecimal(v.Position) - _lower[i]) * _k[i];
        }

        _members = new int[_issues][];
        for (var i = 0; i < _issues; i++)
        {
            var list = new List<int>();
            var d = Dec28.Zero;
            for (var a = 0; a < _actors; a++)
            {
                if (_has[i][a])
                {
                    list.Add(a);
                    d += _c[i][a] * _s[i][a];
                }
            }

            _members[i] = [.. list];
            _d[i] = d;
            _dD[i] = d.ToDoubleFast();
            foreach (var a in list)
            {
                _scD[i][a] = (_s[i][a] * _c[i][a]).ToDoubleFast();
            }
        }
    }

    public List<RoundData> Run()
    {
        var rounds = new List<RoundData>(_options.Rounds);
        for (var r = 1; r <= _options.Rounds; r++)
        {
            rounds.Add(RunRound(r));
        }

        return rounds;
    }

    public Dec28[][] Positions => _pos;

    public int[][] Members => _members;

    public Dec28 Outcome(Dec28[][] positions, int issue)
    {
        if (_d[issue].IsZero)
        {
            return Dec28.Zero;
        }

        var n = Dec28.Zero;
        foreach (var a in _members[issue])
        {
            n += positions[issue][a] * _s[issue][a] * _c[issue][a];
        }

        return n / _d[issue];
    }

    /// <summary>Internal 0–100 position → native units (x/k + lower; lower when x = 0 or k = 0).</summary>
    public Dec28 ToNative(int issue, Dec28 x) => x.IsZero || _k[issue].IsZero ? _lower[issue] : (x / _k[issue]) + _lower[issue];

    private RoundData RunRound(int round)
    {
        var start = Copy(_pos);
        for (var i = 0; i < _issues; i++)
        {
            foreach (var a in _members[i])
            {
                _terms[i][a] = _pos[i][a] * _s[i][a] * _c[i][a];
                _termsD[i][a] = _terms[i][a].ToDoubleFast();
            }
        }

        var candidates = CreateCandidates(round);
        EvaluateAll(candidates);

        var list = new List<Candidate>(candidates.Count);
        foreach (var x in candidates)
        {
            if (x.Valid)
            {
                list.Add(x);
            }
        }

        var validCount = list.Count;
        var realised = new List<Candidate>();
        var rng = new SplitMix64(Mix(_options.Seed, (ulong)round, 0x7469655F627265UL));
        var next = new List<Candidate>(list.Count);
        while (list.Count > 0)
        {
            StableSortByGainDescending(list);
            var pick = 0;
            if (_options.TieBreak == ExchangeTieBreak.Random)
            {
                var tied = 1;
                while (tied < list.Count && (list[0].Gain - list[tied].Gain).Abs() < TieThreshold)
                {
                    tied++;
                }

                if (tied > 1)
                {
                    pick = (int)(rng.NextDouble() * tied);
                }
            }

            var e = list[pick];
            list.RemoveAt(pick);
            CompleteOutcomes(e);
            realised.Add(e);
            next.Clear();
            foreach (var x in list)
            {
                Recalculate(x, e);
                if (x.Valid)
                {
                    next.Add(x);
                }
            }

            (list, next) = (next, list);
        }

        // Voting positions: round start plus each realised move (later ones overwrite earlier ones).
        var voting = Copy(start);
        foreach (var e in realised)
        {
            voting[e.I.Supply][e.I.Actor] = e.I.Y;
            voting[e.J.Supply][e.J.Actor] = e.J.Y;
        }

        // Preferences for the next round move part of the way to the voting position.
        var updated = Copy(start);
        foreach (var e in realised)
        {
            updated[e.I.Supply][e.I.Actor] = NewPreference(e.I);
            updated[e.J.Supply][e.J.Actor] = NewPreference(e.J);
        }

        _pos = updated;
        return new RoundData(round, start, realised, voting, candidates.Count, validCount);
    }

    private Dec28 NewPreference(CandidateSide side)
    {
        // a = 0.4·(1 − s); position = (1 − a − 0.1)·x⁰ + (a·y + 0.1·y), each step rounded, constants as exact doubles.
        var s = _s[side.Supply][side.Actor];
        var a = Dec28.MulExact(SalienceWeight.C, SalienceWeight.E, Dec28.One - s);
        var keep = Dec28.SubExact(Dec28.One - a, FixedWeight.C, FixedWeight.E);
        var first = keep * side.X0;
        var second = (a * side.Y) + Dec28.MulExact(FixedWeight.C, FixedWeight.E, side.Y);
        return first + second;
    }

    private List<Candidate> CreateCandidates(int round)
    {
        var outcomes = new Dec28[_issues];
        for (var i = 0; i < _issues; i++)
        {
            outcomes[i] = Outcome(_pos, i);
        }

        var result = new List<Candidate>();
        var groups = new List<int>[4];
        for (var g = 0; g < 4; g++)
        {
            groups[g] = new List<int>(_actors);
        }

        for (var p = 0; p < _issues; p++)
        {
            for (var q = p + 1; q < _issues; q++)
            {
                foreach (var g in groups)
                {
                    g.Clear();
                }

                for (var a = 0; a < _actors; a++)
                {
                    if (_has[p][a] && _has[q][a])
                    {
                        var leftP = _pos[p][a] <= outcomes[p] ? 1 : 0;
                        var leftQ = _pos[q][a] <= outcomes[q] ? 1 : 0;
                        groups[leftP + (2 * leftQ)].Add(a);
                    }
                }

                foreach (var a in groups[0])
                {
                    foreach (var d in groups[3])
                    {
                        result.Add(NewCandidate(a, d, p, q, result.Count, round));
                    }
                }

                foreach (var b in groups[1])
                {
                    foreach (var c in groups[2])
                    {
                        result.Add(NewCandidate(b, c, p, q, result.Count, round));
                    }
                }
            }
        }

        return result;
    }

    private Candidate NewCandidate(int first, int second, int p, int q, int index, int round)
    {
        // The actor that values p relatively more (by the rounded salience ratios) moves on q, as I.
        var iActor = Ratio(_s[p][first], _s[q][first]) < Ratio(_s[p][second], _s[q][second]) ? second : first;
        var jActor = iActor == first ? second : first;
        var x = new Candidate { P = p, Q = q, CreationIndex = index, RandomRate = _options.Variant == ExchangeVariant.RandomRate };
        Init(x.I, iActor, supply: q, demand: p);
        Init(x.J, jActor, supply: p, demand: q);
        if (_options.Variant == ExchangeVariant.RandomRate)
        {
            x.RateDraw = new SplitMix64(Mix(_options.Seed, (ulong)round, (ulong)index)).NextDouble();
        }

        return x;
    }

    private static Dec28 Ratio(Dec28 sp, Dec28 sq) => sq.IsZero ? Dec28.FromInt(int.MaxValue) : sp / sq;

    private void Init(CandidateSide side, int actor, int supply, int demand)
    {
        side.Actor = actor;
        side.Supply = supply;
        side.Demand = demand;
        side.X0 = _pos[supply][actor];
        side.X = side.X0;
        side.DemandPosition = _pos[demand][actor];
    }

    private void EvaluateAll(List<Candidate> candidates)
    {
        var threads = _options.MaxDegreeOfParallelism;
        if (threads == 1 || candidates.Count < 64)
        {
            foreach (var x in candidates)
            {
                Calculate(x);
            }

            return;
        }

        // Each candidate reads only round-start state and writes only itself, so the result is thread-count independent.
        var po = new ParallelOptions { MaxDegreeOfParallelism = threads <= 0 ? Environment.ProcessorCount : threads };
        Parallel.For(0, candidates.Count, po, k => Calculate(candidates[k]));
    }

    /// <summary>Spec §4: the equal-gain (or random-rate) moves, gain, validity and outcome caps.</summary>
    private void Calculate(Candidate x)
    {
        var i = x.I;
        var j = x.J;
        int p = x.P, q = x.Q;
        var sIp = _s[p][i.Actor];
        var sIq = _s[q][i.Actor];
        var sJp = _s[p][j.Actor];
        var sJq = _s[q][j.Actor];
        var cIq = _c[q][i.Actor];
        var cJp = _c[p][j.Actor];
        if (_d[p].IsZero || _d[q].IsZero || (cIq * sIq).IsZero || (cJp * sJp).IsZero
            || !Rates(x, sIp, sIq, sJp, sJq, out var rateQP, out var ratePQ))
        {
            x.Valid = false;
            return;
        }

        var xIp = i.DemandPosition;
        var xJq = j.DemandPosition;
        var distP = (xIp - j.X).Abs();
        var dp = distP * sJp * cJp / _d[p];
        var dq = rateQP * dp;
        var mI = dq * _d[q] / (cIq * sIq);
        var mJ = distP;
        var distQ = (xJq - i.X).Abs();
        if (mI > distQ)
        {
            dq = distQ * sIq * cIq / _d[q];
            dp = ratePQ * dq;
            mI = distQ;
            mJ = dp * _d[p] / (cJp * sJp);
        }

        if (i.X > xJq)
        {
            mI = -mI;
        }

        if (j.X > xIp)
        {
            mJ = -mJ;
        }

        i.Moves.Add(mI);
        j.Moves.Add(mJ);
        i.Move = mI;
        j.Move = mJ;
        i.Y = i.X + mI;
        j.Y = j.X + mJ;
        x.Dp = dp;
        x.Dq = dq;
        SetGains(x, dp, dq, sIp, sIq, sJp, sJq, gainFromI: true);

        var valid = MoveOk(i, mI) && MoveOk(j, mJ) && x.Gain > Threshold;
        if (valid)
        {
            Cap(x, x.I, x.J, ratePQ, sIp, sIq, sJp, sJq);
            Cap(x, x.J, x.I, rateQP, sIp, sIq, sJp, sJq);
            valid = MoveOk(i, i.Move) && MoveOk(j, j.Move);
        }

        x.Valid = valid;
    }

    /// <summary>dq/dp (rateQP) and dp/dq (ratePQ): the equal-gain ratios, or a seeded draw between the break-even rates.</summary>
    private bool Rates(Candidate x, Dec28 sIp, Dec28 sIq, Dec28 sJp, Dec28 sJq, out Dec28 rateQP, out Dec28 ratePQ)
    {
        if (_options.Variant == ExchangeVariant.EqualGain)
        {
            rateQP = (sIp + sJp) / (sIq + sJq);
            ratePQ = (sIq + sJq) / (sIp + sJp);
            return true;
        }

        rateQP = ratePQ = Dec28.Zero;
        if (sIq.IsZero || sJq.IsZero)
        {
            return false;
        }

        // J breaks even at dq/dp = sJp/sJq, I at sIp/sIq; any rate in between leaves both better off.
        var lo = sJp / sJq;
        var hi = sIp / sIq;
        rateQP = lo + (Dec28.FromDoubleExact(x.RateDraw) * (hi - lo));
        if (rateQP.IsZero)
        {
            return false;
        }

        ratePQ = Dec28.One / rateQP;
        return true;
    }

    private static void SetGains(Candidate x, Dec28 dp, Dec28 dq, Dec28 sIp, Dec28 sIq, Dec28 sJp, Dec28 sJq, bool gainFromI)
    {
        var eui = ((dq * sIq) - (dp * sIp)).Abs();
        var euj = ((dp * sJp) - (dq * sJq)).Abs();
        x.I.Eu = eui;
        x.J.Eu = euj;

        // Equal Gain: both are equal up to rounding; the reference reports the one it computed.
        // Random Rate: an exchange is only as attractive as it is to the side that gains less.
        x.Gain = x.RateDraw >= 0 && !x.RandomRate ? (gainFromI ? eui : euj) : (eui < euj ? eui : euj);
    }

    /// <summary>
    /// Spec §4 outcome cap for side <paramref name="a"/> (partner <paramref name="b"/>): if a's move would push
    /// the outcome on its supply issue past b's round-start position there, shorten it to land on that position.
    /// </summary>
    private void Cap(Candidate x, CandidateSide a, CandidateSide b, Dec28 rateOtherPerOwn, Dec28 sIp, Dec28 sIq, Dec28 sJp, Dec28 sJq)
    {
        var r = a.Supply;
        var o = b.Supply;
        var t = b.DemandPosition;

        // Most caps are decided far from the boundary: a double estimate (error ≪ 1e-9 on a 0–100 scale)
        // settles those; only close calls are evaluated in exact decimal arithmetic.
        var td = t.ToDoubleFast();
        var n0d = ApproximateOutcome(x, r, a.Actor, a.X.ToDoubleFast());
        var n1d = ApproximateOutcome(x, r, a.Actor, a.Y.ToDoubleFast());
        const double margin = 1e-9;
        if ((td - n0d > margin && td - n1d > margin) || (n0d - td > margin && n1d - td > margin))
        {
            a.OutcomesExact = false;
            return;
        }

        var n0 = AdjustedOutcome(x, r, a.Actor, a.X);
        var n1 = AdjustedOutcome(x, r, a.Actor, a.Y);
        a.N0 = n0;
        a.N1 = n1;
        a.OutcomesExact = true;
        if ((t >= n0 && t >= n1) || (t <= n0 && t <= n1))
        {
            return;
        }

        var sA = _s[r][a.Actor];
        var cA = _c[r][a.Actor];
        var from = x.TryGetUpdate(r, a.Actor, out var upd) ? upd : a.X;
        var nb = Numerator(x, r, a.Actor, from);
        var mA = ((t * _d[r]) - nb).Abs() / (sA * cA);
        var dr = mA * sA * cA / _d[r];
        var dOther = rateOtherPerOwn * dr;
        var mB = (dOther * _d[o] / (_c[o][b.Actor] * _s[o][b.Actor])).Abs();
        if (b.X > a.DemandPosition)
        {
            mB = -mB;
        }

        if (a.X > t)
        {
            mA = -mA;
        }

        b.Moves[^1] = mB;
        a.Moves[^1] = mA;
        b.Move = mB;
        a.Move = mA;
        b.Y = b.X + mB;
        a.Y = a.X + mA;

        // The reference stores the shifts with their roles swapped when I's cap fires; only reported.
        if (ReferenceEquals(a, x.I))
        {
            x.Dp = dr;
            x.Dq = dOther;
            SetGains(x, dOther, dr, sIp, sIq, sJp, sJq, gainFromI: false);
        }
        else
        {
            x.Dp = dr;
            x.Dq = dOther;
            SetGains(x, dr, dOther, sIp, sIq, sJp, sJq, gainFromI: true);
        }

        a.N1 = AdjustedOutcome(x, r, a.Actor, a.Y);
    }

    private double ApproximateOutcome(Candidate x, int issue, int actor, double v)
    {
        if (_dD[issue] == 0)
        {
            return 0;
        }

        var n = 0.0;
        var hasUpdates = x.HasUpdatesOn(issue);
        var terms = _termsD[issue];
        var sc = _scD[issue];
        foreach (var k in _members[issue])
        {
            if (k == actor)
            {
                n += v * sc[k];
            }
            else if (hasUpdates && x.TryGetUpdate(issue, k, out var u))
            {
                n += u.ToDoubleFast() * sc[k];
            }
            else
            {
                n += terms[k];
            }
        }

        return n / _dD[issue];
    }

    /// <summary>Exact outcomes before and after each side's move, for reporting a realised exchange.</summary>
    public void CompleteOutcomes(Candidate x)
    {
        foreach (var side in new[] { x.I, x.J })
        {
            if (!side.OutcomesExact)
            {
                side.N0 = AdjustedOutcome(x, side.Supply, side.Actor, side.X);
                side.N1 = AdjustedOutcome(x, side.Supply, side.Actor, side.Y);
                side.OutcomesExact = true;
            }
        }
    }

    private Dec28 AdjustedOutcome(Candidate x, int issue, int actor, Dec28 v) =>
        _d[issue].IsZero ? Dec28.Zero : Numerator(x, issue, actor, v) / _d[issue];

    /// <summary>Σ (x·s)·c over the issue's actors in order: round-start positions, the exchange's learnt updates, the actor at v.</summary>
    private Dec28 Numerator(Candidate x, int issue, int actor, Dec28 v)
    {
        var n = Dec28.Zero;
        var hasUpdates = x.HasUpdatesOn(issue);
        var terms = _terms[issue];
        foreach (var k in _members[issue])
        {
            if (k == actor)
            {
                n += v * _s[issue][k] * _c[issue][k];
            }
            else if (hasUpdates && x.TryGetUpdate(issue, k, out var u))
            {
                n += u * _s[issue][k] * _c[issue][k];
            }
            else
            {
                n += terms[k];
            }
        }

        return n;
    }

    /// <summary>Spec §4 <c>ok</c>: a usable move within the scale, with a consistent history.</summary>
    private static bool MoveOk(CandidateSide side, Dec28 move)
    {
        var abs = move.Abs();
        if (abs > Dec28.Hundred || !(abs > Threshold))
        {
            return false;
        }

        var y = side.X + move;
        if (y.IsNegative || y > Dec28.Hundred)
        {
            return false;
        }

        var sum = Dec28.Zero;
        var positive = 0;
        var negative = 0;
        foreach (var m in side.Moves)
        {
            sum += m;
            var sign = m.Sign;
            if (sign > 0)
            {
                positive++;
            }
            else if (sign < 0)
            {
                negative++;
            }
        }

        if (sum > Dec28.Hundred)
        {
            return false;
        }

        return positive == side.Moves.Count || negative == side.Moves.Count;
    }

    /// <summary>Spec §5 recalculate: bring <paramref name="x"/> up to date with the realised <paramref name="e"/>.</summary>
    private void Recalculate(Candidate x, Candidate e)
    {
        var matchedI = MatchSupply(x.I, e, out var movedI);
        var matchedJ = MatchSupply(x.J, e, out var movedJ);
        var recalc = matchedI || matchedJ;
        if (recalc)
        {
            if (_options.MoveHistory == MoveHistoryRule.StalePlannedMove)
            {
                // HEAD: the matched side keeps its stale planned move, the other loses its last one.
                if (!matchedI)
                {
                    x.I.Moves.RemoveAt(x.I.Moves.Count - 1);
                }

                if (!matchedJ)
                {
                    x.J.Moves.RemoveAt(x.J.Moves.Count - 1);
                }
            }
            else
            {
                ReplaceOrDrop(x.I, matchedI, movedI);
                ReplaceOrDrop(x.J, matchedJ, movedJ);
            }
        }

        if (SameActorDemand(e.J, x.J) || SameActorDemand(e.J, x.I))
        {
            Learn(x, e.J.Demand, e.I);
            if (!recalc)
            {
                DropLastMoves(x);
                recalc = true;
            }
        }

        if (SameActorDemand(e.I, x.J) || SameActorDemand(e.I, x.I))
        {
            Learn(x, e.I.Demand, e.J);
            if (!recalc)
            {
                DropLastMoves(x);
                recalc = true;
            }
        }

        if (recalc)
        {
            Calculate(x);
        }
    }

    private static void ReplaceOrDrop(CandidateSide side, bool matched, Dec28 realisedMove)
    {
        if (matched)
        {
            side.Moves[^1] = realisedMove;
        }
        else
        {
            side.Moves.RemoveAt(side.Moves.Count - 1);
        }
    }

    private static void DropLastMoves(Candidate x)
    {
        x.I.Moves.RemoveAt(x.I.Moves.Count - 1);
        x.J.Moves.RemoveAt(x.J.Moves.Count - 1);
    }

    private static bool MatchSupply(CandidateSide side, Candidate e, out Dec28 realisedMove)
    {
        if (side.Actor == e.I.Actor && side.Supply == e.I.Supply)
        {
            side.X = e.I.Y;
            realisedMove = e.I.Move;
            return true;
        }

        if (side.Actor == e.J.Actor && side.Supply == e.J.Supply)
        {
            side.X = e.J.Y;
            realisedMove = e.J.Move;
            return true;
        }

        realisedMove = default;
        return false;
    }

    private static bool SameActorDemand(CandidateSide a, CandidateSide b) => a.Actor == b.Actor && a.Demand == b.Demand;

    /// <summary>Records where the realised side <paramref name="mover"/> now stands on <paramref name="issue"/>.</summary>
    private static void Learn(Candidate x, int issue, CandidateSide mover)
    {
        if (x.TryGetUpdate(issue, mover.Actor, out var existing))
        {
            var s = mover.X0;
            var y = mover.Y;
            var keep = (s <= existing && existing < y) || (s > existing && existing > y);
            x.SetUpdate(issue, mover.Actor, keep ? existing : y);
        }
        else
        {
            x.SetUpdate(issue, mover.Actor, mover.Y);
        }
    }

    /// <summary>Stable insertion sort, largest gain first (the list is nearly sorted between picks).</summary>
    private static void StableSortByGainDescending(List<Candidate> list)
    {
        for (var k = 1; k < list.Count; k++)
        {
            var item = list[k];
            var j = k - 1;
            if (!(list[j].Gain < item.Gain))
            {
                continue;
            }

            while (j >= 0 && list[j].Gain < item.Gain)
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = item;
        }
    }

    private T[][] NewJagged<T>()
    {
        var a = new T[_issues][];
        for (var i = 0; i < _issues; i++)
        {
            a[i] = new T[_actors];
        }

        return a;
    }

    private static Dec28[][] Copy(Dec28[][] source) => source.Select(row => (Dec28[])row.Clone()).ToArray();

    private static ulong Mix(ulong seed, ulong a, ulong b)
    {
        unchecked
        {
            var h = seed ^ (a * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL);
            return SplitMix64.Scramble(h);
        }
    }
}

/// <summary>What one round produced, in internal form.</summary>
internal sealed record RoundData(int Round, Dec28[][] Start, List<Candidate> Realised, Dec28[][] Voting, int Candidates, int ValidCandidates);

/// <summary>SplitMix64: small, seedable, platform-independent generator (Steele, Lea &amp; Flood 2014).</summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public static ulong Scramble(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            return Scramble(_state);
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
