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
    private static readonly Approx ThresholdA = Approx.Exact(1e-10);
    private static readonly Approx HundredA = Approx.Exact(100);
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

    // Index of an actor in its issue's member list, and the round-start numerator's partial sums in member order.
    private readonly int[][] _memberIndex;
    private readonly Dec28[][] _prefix;
    private readonly Dec28[] _startOutcome;
    private Dec28[][] _pos;
    private readonly Dec28[][] _terms;
    private readonly Approx[][] _termsA;
    private readonly Approx[][] _sA;
    private readonly Approx[][] _scA;
    private readonly Approx[] _dA;
    private readonly Approx[] _startNumerator;
    private readonly Dec28[][][] _ratio;

    // Spec §7 weights per (issue, actor): a = 0.4·(1 − s) and 1 − a − 0.1, fixed for the run (s never changes).
    private readonly Dec28[][] _learnWeight;
    private readonly Dec28[][] _keepWeight;

    // Candidate objects are reused from round to round (all but the realised ones, which the result keeps).
    private readonly Stack<Candidate> _pool = new();
    private Slot[] _order = [];
    private Slot[] _merged = [];
    private int[] _position = [];
    private int[] _mark = [];
    private int _stamp;
    private double[] _sortKeys = [];

    // Per-round lists, reused: all candidates, the valid ones, the valid ones by actor, the recalculated ones.
    private readonly List<Candidate> _candidates = [];
    private readonly List<Candidate> _valid = [];
    private readonly List<Candidate>[] _byActor;
    private readonly List<Candidate> _changed = [];
    private Candidate[] _sortItems = [];

    /// <summary>Diagnostics: candidate evaluations, and how many of them were done in exact decimal arithmetic.</summary>
    public ExchangeCounters Counters { get; } = new();

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
        _termsA = NewJagged<Approx>();
        _sA = NewJagged<Approx>();
        _scA = NewJagged<Approx>();
        _dA = new Approx[_issues];
        _startNumerator = new Approx[_issues];
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

        // s_p/s_q per actor and issue pair (rounded, as the reference compares them) decides who moves on which issue.
        _ratio = new Dec28[_issues][][];
        for (var p = 0; p < _issues; p++)
        {
            _ratio[p] = new Dec28[_issues][];
            for (var q = p + 1; q < _issues; q++)
            {
                _ratio[p][q] = new Dec28[_actors];
                for (var a = 0; a < _actors; a++)
                {
                    _ratio[p][q][a] = Ratio(_s[p][a], _s[q][a]);
                }
            }
        }

        _learnWeight = NewJagged<Dec28>();
        _keepWeight = NewJagged<Dec28>();
        _byActor = new List<Candidate>[_actors];
        for (var a = 0; a < _actors; a++)
        {
            _byActor[a] = [];
        }

        _members = new int[_issues][];
        _memberIndex = NewJagged<int>();
        _prefix = new Dec28[_issues][];
        _startOutcome = new Dec28[_issues];
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
            _prefix[i] = new Dec28[list.Count + 1];
            for (var m = 0; m < list.Count; m++)
            {
                _memberIndex[i][list[m]] = m;
            }

            _d[i] = d;
            _dA[i] = Approx.Of(d);
            foreach (var a in list)
            {
                var learn = Dec28.MulExact(SalienceWeight.C, SalienceWeight.E, Dec28.One - _s[i][a]);
                _learnWeight[i][a] = learn;
                _keepWeight[i][a] = Dec28.SubExact(Dec28.One - learn, FixedWeight.C, FixedWeight.E);
                _sA[i][a] = Approx.Of(_s[i][a]);
                _scA[i][a] = Approx.Of(_s[i][a] * _c[i][a]);
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
            // Round-start numerator estimate: Σ terms with the conversion and summation errors bounded.
            double sum = 0, abs = 0;
            foreach (var a in _members[i])
            {
                _terms[i][a] = _pos[i][a] * _s[i][a] * _c[i][a];
                var t = Approx.Of(_terms[i][a]);
                _termsA[i][a] = t;
                sum += t.V;
                abs += Math.Abs(t.V);
            }

            _startNumerator[i] = new Approx(sum, (8 + (2 * _members[i].Length)) * 1.1102230246251565e-16 * abs);
            var prefix = _prefix[i];
            for (var m = 0; m < _members[i].Length; m++)
            {
                prefix[m + 1] = prefix[m] + _terms[i][_members[i][m]];
            }

            _startOutcome[i] = _d[i].IsZero ? Dec28.Zero : prefix[_members[i].Length] / _d[i];
        }

        var candidates = CreateCandidates(round);
        EvaluateAll(candidates);

        var list = _valid;
        list.Clear();
        foreach (var x in candidates)
        {
            if (x.Valid)
            {
                x.Alive = true;
                list.Add(x);
            }
        }

        var validCount = list.Count;
        var byActor = _byActor;
        foreach (var l in byActor)
        {
            l.Clear();
        }

        foreach (var x in list)
        {
            byActor[x.I.Actor].Add(x);
            byActor[x.J.Actor].Add(x);
        }

        // Spec §5 stable sort by gain: on the creation order first, afterwards only recalculated ones move.
        SortByGain(list);
        if (_order.Length < list.Count)
        {
            _order = new Slot[list.Count];
            _merged = new Slot[list.Count];
        }

        if (_position.Length < candidates.Count)
        {
            _position = new int[candidates.Count];
            _mark = new int[candidates.Count];
        }

        // The order is kept as compact (candidate, gain estimate) slots and per-candidate arrays, so that the
        // per-pick merge below does not touch the candidate objects.
        var order = _order;
        var merged = _merged;
        var position = _position;
        var mark = _mark;
        var count = list.Count;
        for (var k = 0; k < count; k++)
        {
            order[k] = new Slot(list[k]);
            position[list[k].CreationIndex] = k;
        }

        var realised = new List<Candidate>();
        var rng = new SplitMix64(Mix(_options.Seed, (ulong)round, 0x7469655F627265UL));
        var changed = _changed;
        Comparison<Candidate> byGainThenPosition = (a, b) =>
            ReferenceEquals(a, b) ? 0 : Before(a, position[a.CreationIndex], b, position[b.CreationIndex]) ? -1 : 1;
        while (count > 0)
        {
            var pick = 0;
            if (_options.TieBreak == ExchangeTieBreak.Random)
            {
                var tied = 1;
                while (tied < count && Tied(order[0].Candidate, order[tied].Candidate))
                {
                    tied++;
                }

                if (tied > 1)
                {
                    pick = (int)(rng.NextDouble() * tied);
                }
            }

            var e = order[pick].Candidate;
            Exactify(e);
            e.Alive = false;
            e.Realised = true;
            CompleteOutcomes(e);
            realised.Add(e);

            // Only exchanges that share an actor with e can overlap with it (spec §5 recalculate).
            var stamp = ++_stamp;
            mark[e.CreationIndex] = stamp;
            changed.Clear();
            foreach (var actor in (ReadOnlySpan<int>)[e.I.Actor, e.J.Actor])
            {
                foreach (var x in byActor[actor])
                {
                    if (!x.Alive || x.VisitStamp == stamp)
                    {
                        continue;
                    }

                    x.VisitStamp = stamp;
                    if (Recalculate(x, e))
                    {
                        mark[x.CreationIndex] = stamp;
                        if (x.Valid)
                        {
                            changed.Add(x);
                        }
                        else
                        {
                            x.Alive = false;
                        }
                    }
                }
            }

            // Stable re-sort = merge of the unchanged (still sorted) with the recalculated ones sorted by
            // (gain desc, previous position asc).
            changed.Sort(byGainThenPosition);
            var w = Merge(order, count, merged, changed, position, mark, stamp);
            Array.Clear(order, w, count - w);
            count = w;
            (order, merged) = (merged, order);
        }

        Array.Clear(order);
        Array.Clear(merged);
        foreach (var x in candidates)
        {
            if (!x.Realised)
            {
                _pool.Push(x);
            }
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

    /// <summary>
    /// Sorts the round's valid candidates (in creation order) by gain, descending, equal gains in creation order:
    /// first by the gain estimates alone (a primitive-key sort), then an insertion sort with the exact order
    /// <see cref="Before"/>. The estimate order differs from the exact one only among candidates whose estimates
    /// cannot be told apart, so the insertion sort moves few and compares mostly by estimate; as the exact order
    /// is total, the result is the unique sorted order, the same as any comparison sort with <see cref="Before"/>.
    /// </summary>
    private void SortByGain(List<Candidate> list)
    {
        var n = list.Count;
        if (_sortKeys.Length < n)
        {
            _sortKeys = new double[n];
            _sortItems = new Candidate[n];
        }

        var keys = _sortKeys;
        var items = _sortItems;
        for (var k = 0; k < n; k++)
        {
            keys[k] = -list[k].GainA.V;
            items[k] = list[k];
        }

        Array.Sort(keys, items, 0, n);
        for (var k = 1; k < n; k++)
        {
            var x = items[k];
            var m = k;
            while (m > 0 && Before(x, x.CreationIndex, items[m - 1], items[m - 1].CreationIndex))
            {
                items[m] = items[m - 1];
                m--;
            }

            items[m] = x;
        }

        for (var k = 0; k < n; k++)
        {
            list[k] = items[k];
        }

        Array.Clear(items, 0, n);
    }

    /// <summary>
    /// Writes the order after a pick into <paramref name="merged"/>: the slots of <paramref name="order"/> not marked
    /// with <paramref name="stamp"/>, with the (sorted) recalculated ones merged in; updates positions; returns the count.
    /// </summary>
    private int Merge(Slot[] order, int count, Slot[] merged, List<Candidate> changed, int[] position, int[] mark, int stamp)
    {
        var w = 0;
        var c = 0;
        var n = changed.Count;
        var next = n > 0 ? new Slot(changed[0]) : default;
        var nextPosition = n > 0 ? position[next.Id] : 0;
        for (var k = 0; k < count; k++)
        {
            var slot = order[k];
            if (mark[slot.Id] == stamp)
            {
                continue;
            }

            while (c < n && SlotBefore(ref next, nextPosition, ref slot, k))
            {
                position[next.Id] = w;
                merged[w++] = next;
                if (++c < n)
                {
                    next = new Slot(changed[c]);
                    nextPosition = position[next.Id];
                }
            }

            position[slot.Id] = w;
            merged[w++] = slot;
        }

        for (; c < n; c++)
        {
            next = new Slot(changed[c]);
            position[next.Id] = w;
            merged[w++] = next;
        }

        return w;
    }

    /// <summary><see cref="Before"/> on slots: by the stored estimates, else exactly (refreshing the estimates).</summary>
    private bool SlotBefore(ref Slot a, int posA, ref Slot b, int posB)
    {
        var c = Approx.Compare(a.Gain, b.Gain);
        if (c != 0)
        {
            return c > 0;
        }

        var before = Before(a.Candidate, posA, b.Candidate, posB);
        a = new Slot(a.Candidate);
        b = new Slot(b.Candidate);
        return before;
    }

    /// <summary>True when <paramref name="a"/> comes before <paramref name="b"/>: larger gain, or equal gain and earlier.</summary>
    private bool Before(Candidate a, int posA, Candidate b, int posB)
    {
        var c = CompareGain(a, b);
        return c > 0 || (c == 0 && posA < posB);
    }

    /// <summary>Exact sign of gain(a) − gain(b): by the estimates when they are clearly apart, else in decimal.</summary>
    private int CompareGain(Candidate a, Candidate b)
    {
        var c = Approx.Compare(a.GainA, b.GainA);
        if (c != 0)
        {
            return c;
        }

        ExactGain(a);
        ExactGain(b);
        c = Approx.Compare(a.GainA, b.GainA);
        return c != 0 ? c : a.Gain.CompareTo(b.Gain);
    }

    /// <summary>Spec §5 random tie rule: |gain difference| &lt; 1e-20, decided exactly.</summary>
    private bool Tied(Candidate a, Candidate b)
    {
        if (Approx.CertainlyApart(a.GainA, b.GainA, 1e-20))
        {
            return false;
        }

        ExactGain(a);
        ExactGain(b);
        return (a.Gain - b.Gain).Abs() < TieThreshold;
    }

    private Dec28 NewPreference(CandidateSide side)
    {
        // a = 0.4·(1 − s); position = (1 − a − 0.1)·x⁰ + (a·y + 0.1·y), each step rounded, constants as exact doubles.
        var a = _learnWeight[side.Supply][side.Actor];
        var keep = _keepWeight[side.Supply][side.Actor];
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

        var result = _candidates;
        result.Clear();
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
        var iActor = _ratio[p][q][first] < _ratio[p][q][second] ? second : first;
        var jActor = iActor == first ? second : first;
        var x = _pool.Count > 0 ? _pool.Pop() : new Candidate();
        x.Reset();
        x.P = p;
        x.Q = q;
        x.CreationIndex = index;
        x.RandomRate = _options.Variant == ExchangeVariant.RandomRate;
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
        side.XA = Approx.Of(side.X);
        side.X0A = side.XA;
        side.DemandA = Approx.Of(side.DemandPosition);
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

    /// <summary>Spec §4 for the candidate's current state: by estimate when every decision is clear, else exactly.</summary>
    private void Calculate(Candidate x)
    {
        Counters.Evaluations++;
        if (_options.ExactArithmeticOnly || !TryCalculateEstimate(x))
        {
            Counters.UndecidedEvaluations++;
            CalculateExact(x);
        }
    }

    /// <summary>
    /// Redoes the candidate's current evaluation in exact arithmetic (needed before it is realised, compared in a
    /// near tie, or its planned move is kept in a history). The decisions cannot change; this is checked.
    /// </summary>
    private void Exactify(Candidate x)
    {
        if (x.Exact)
        {
            return;
        }

        var valid = x.Valid;
        var gain = x.GainA;
        Counters.Exactifications++;
        CalculateExact(x);

        // Cheap self-check of the error bounds: the exact result must lie within the estimate's bounds.
        if (x.Valid != valid || (valid && Approx.Compare(gain, x.GainA) != 0))
        {
            throw new InvalidOperationException($"Exchange model: the double estimate and the exact evaluation of candidate {x.CreationIndex} disagree; the error bound is violated.");
        }
    }

    /// <summary>
    /// Makes <see cref="Candidate.Gain"/> exact for a gain comparison. An estimated valid Equal Gain candidate whose
    /// outcome caps did not fire has the gain of the branch its estimate chose, so only that formula is evaluated
    /// in decimal (in <see cref="CalculateExact"/>'s operation order), not the whole candidate.
    /// </summary>
    private void ExactGain(Candidate x)
    {
        if (x.GainExact)
        {
            return;
        }

        if (!x.Valid || x.Capped || x.RandomRate)
        {
            Exactify(x);
            return;
        }

        Counters.GainExactifications++;
        var i = x.I;
        var j = x.J;
        int p = x.P, q = x.Q;
        var sIp = _s[p][i.Actor];
        var sIq = _s[q][i.Actor];
        var sJp = _s[p][j.Actor];
        var sJq = _s[q][j.Actor];
        Dec28 dp, dq;
        if (!x.ILimited)
        {
            var distP = (i.DemandPosition - j.X).Abs();
            dp = distP * sJp * _c[p][j.Actor] / _d[p];
            dq = (sIp + sJp) / (sIq + sJq) * dp;
        }
        else
        {
            var distQ = (j.DemandPosition - i.X).Abs();
            dq = distQ * sIq * _c[q][i.Actor] / _d[q];
            dp = (sIq + sJq) / (sIp + sJp) * dq;
        }

        var gain = ((dq * sIq) - (dp * sIp)).Abs();
        var estimate = x.GainA;
        x.Gain = gain;
        x.GainA = Approx.Of(gain);
        x.GainExact = true;
        if (Approx.Compare(estimate, x.GainA) != 0)
        {
            throw new InvalidOperationException($"Exchange model: the double estimate and the exact gain of candidate {x.CreationIndex} disagree; the error bound is violated.");
        }
    }

    /// <summary>
    /// Spec §4 in double arithmetic with error bounds. Returns false, leaving the exact path to decide, when any
    /// decision (branch, validity, cap) is within its error bound of the boundary.
    /// </summary>
    private bool TryCalculateEstimate(Candidate x)
    {
        var i = x.I;
        var j = x.J;
        int p = x.P, q = x.Q;
        if (_d[p].IsZero || _d[q].IsZero || _s[q][i.Actor].IsZero || _c[q][i.Actor].IsZero || _s[p][j.Actor].IsZero || _c[p][j.Actor].IsZero)
        {
            return false;
        }

        var sIp = _sA[p][i.Actor];
        var sIq = _sA[q][i.Actor];
        var sJp = _sA[p][j.Actor];
        var sJq = _sA[q][j.Actor];
        if (!EstimateRates(x, sIp, sIq, sJp, sJq, out var rateQP, out var ratePQ))
        {
            return false;
        }

        var scIq = _scA[q][i.Actor];
        var scJp = _scA[p][j.Actor];
        var xI = i.XA;
        var xJ = j.XA;
        var xIp = i.DemandA;
        var xJq = j.DemandA;
        var distP = (xIp - xJ).Abs();
        var dp = distP * scJp / _dA[p];
        var dq = rateQP * dp;
        var mI = dq * _dA[q] / scIq;
        var mJ = distP;
        var distQ = (xJq - xI).Abs();
        var branch = Approx.Compare(mI, distQ);
        if (branch == 0)
        {
            return false;
        }

        if (branch > 0)
        {
            dq = distQ * scIq / _dA[q];
            dp = ratePQ * dq;
            mI = distQ;
            mJ = dp * _dA[p] / scJp;
        }

        if (XGreaterThanDemand(i, j))
        {
            mI = -mI;
        }

        if (XGreaterThanDemand(j, i))
        {
            mJ = -mJ;
        }

        i.MoveA = mI;
        j.MoveA = mJ;
        i.YA = xI + mI;
        j.YA = xJ + mJ;
        EstimateGain(x, dp, dq, sIp, sIq, sJp, sJq, gainFromI: true);

        var okI = EstimateMoveOk(i, mI);
        var okJ = EstimateMoveOk(j, mJ);

        // One side moves all the way to its partner's position (J unless I is limited). That move lands on a
        // scale end often (CoP21), where the estimate cannot decide 0 ≤ y ≤ 100; its exact value costs two
        // decimal operations, not a whole exact evaluation.
        if (branch < 0 && okJ == 0)
        {
            okJ = FullMoveOk(j, i);
        }
        else if (branch > 0 && okI == 0)
        {
            okI = FullMoveOk(i, j);
        }

        var gainOk = Approx.Compare(x.GainA, ThresholdA);
        var valid = okI > 0 && okJ > 0 && gainOk > 0;
        var firedI = false;
        var firedJ = false;
        if (!valid && okI >= 0 && okJ >= 0 && gainOk >= 0)
        {
            // Not certainly invalid and not certainly valid.
            return false;
        }

        if (valid)
        {
            if (!EstimateCap(x, i, j, ratePQ, sIp, sIq, sJp, sJq, out firedI) || !EstimateCap(x, j, i, rateQP, sIp, sIq, sJp, sJq, out firedJ))
            {
                return false;
            }

            // Without a cap the moves are the ones just found ok; a cap changes both.
            if (firedI || firedJ)
            {
                okI = EstimateMoveOk(i, i.MoveA);
                okJ = EstimateMoveOk(j, j.MoveA);
                valid = okI > 0 && okJ > 0;
                if (!valid && okI >= 0 && okJ >= 0)
                {
                    return false;
                }
            }
        }

        x.Valid = valid;
        x.Exact = false;
        x.GainExact = false;
        x.ILimited = branch > 0;
        x.Capped = firedI || firedJ;
        return true;
    }

    private bool EstimateRates(Candidate x, Approx sIp, Approx sIq, Approx sJp, Approx sJq, out Approx rateQP, out Approx ratePQ)
    {
        if (_options.Variant == ExchangeVariant.EqualGain)
        {
            rateQP = (sIp + sJp) / (sIq + sJq);
            ratePQ = (sIq + sJq) / (sIp + sJp);
            return true;
        }

        rateQP = ratePQ = default;
        if (_s[x.Q][x.I.Actor].IsZero || _s[x.Q][x.J.Actor].IsZero)
        {
            return false;
        }

        var lo = sJp / sJq;
        var hi = sIp / sIq;
        rateQP = lo + (Approx.Of(Dec28.FromDoubleExact(x.RateDraw)) * (hi - lo));
        if (Approx.Compare(rateQP.Abs(), default) <= 0)
        {
            return false;
        }

        ratePQ = Approx.Exact(1) / rateQP;
        return true;
    }

    private static void EstimateGain(Candidate x, Approx dp, Approx dq, Approx sIp, Approx sIq, Approx sJp, Approx sJq, bool gainFromI)
    {
        var eui = ((dq * sIq) - (dp * sIp)).Abs();
        var euj = ((dp * sJp) - (dq * sJq)).Abs();
        x.GainA = !x.RandomRate ? (gainFromI ? eui : euj) : Approx.Min(eui, euj);
    }

    /// <summary>Spec §4 <c>ok</c> by estimate: +1 certainly ok, −1 certainly not, 0 undecided.</summary>
    /// <remarks>A conjunction: certainly false as soon as one condition certainly fails, even if others are undecided.</remarks>
    private static int EstimateMoveOk(CandidateSide side, Approx move)
    {
        var abs = move.Abs();
        var y = side.XA + move;
        var sum = side.HistorySum + move;
        var notTooLarge = -Approx.Compare(abs, HundredA);
        var notTooSmall = Approx.Compare(abs, ThresholdA);
        var aboveZero = Approx.Compare(y, default);
        var notAbove = -Approx.Compare(y, HundredA);
        var sumOk = -Approx.Compare(sum, HundredA);
        if (notTooLarge < 0 || notTooSmall < 0 || aboveZero < 0 || notAbove < 0 || sumOk < 0)
        {
            return -1;
        }

        if (notTooLarge == 0 || notTooSmall == 0 || aboveZero == 0 || notAbove == 0 || sumOk == 0)
        {
            return 0;
        }

        // The move is certainly nonzero here, so the sign of its estimate is its sign.
        var positive = side.HistoryPositive + (move.V > 0 ? 1 : 0);
        var negative = side.HistoryNegative + (move.V < 0 ? 1 : 0);
        var count = side.HistoryCount + 1;
        return positive == count || negative == count ? 1 : -1;
    }

    /// <summary>
    /// Spec §4 <c>ok</c> for a side whose move is the whole distance to its partner's round-start position on the
    /// side's supply issue, decided exactly: the move and y are computed as <see cref="CalculateExact"/> does.
    /// </summary>
    private static int FullMoveOk(CandidateSide side, CandidateSide partner)
    {
        var target = partner.DemandPosition;
        var move = (target - side.X).Abs();
        if (side.X > target)
        {
            move = -move;
        }

        side.MoveA = Approx.Of(move);
        side.YA = Approx.Of(side.X + move);
        return MoveOk(side, move) ? 1 : -1;
    }

    /// <summary>Spec §4 outcome cap by estimate; false when undecided. <paramref name="fired"/>: the moves were capped.</summary>
    private bool EstimateCap(Candidate x, CandidateSide a, CandidateSide b, Approx rateOtherPerOwn, Approx sIp, Approx sIq, Approx sJp, Approx sJq, out bool fired)
    {
        fired = false;
        var r = a.Supply;
        var o = b.Supply;
        var t = b.DemandA;
        var xA = a.XA;
        var c0 = Approx.Compare(t, EstimateOutcome(x, r, a.Actor, xA));
        var c1 = Approx.Compare(t, EstimateOutcome(x, r, a.Actor, a.YA));
        if (c0 == 0 || c1 == 0)
        {
            return false;
        }

        if (c0 == c1)
        {
            return true;
        }

        fired = true;
        var k = x.FindUpdate(r, a.Actor);
        var from = k >= 0 ? x.Updates![k].Estimate : xA;
        var nb = EstimateNumerator(x, r, a.Actor, from);
        var scA = _scA[r][a.Actor];
        var mA = ((t * _dA[r]) - nb).Abs() / scA;
        var dr = mA * scA / _dA[r];
        var dOther = rateOtherPerOwn * dr;
        var mB = (dOther * _dA[o] / _scA[o][b.Actor]).Abs();
        if (XGreaterThanDemand(b, a))
        {
            mB = -mB;
        }

        if (XGreaterThanDemand(a, b))
        {
            mA = -mA;
        }

        b.MoveA = mB;
        a.MoveA = mA;
        b.YA = b.XA + mB;
        a.YA = xA + mA;
        if (ReferenceEquals(a, x.I))
        {
            EstimateGain(x, dOther, dr, sIp, sIq, sJp, sJq, gainFromI: false);
        }
        else
        {
            EstimateGain(x, dr, dOther, sIp, sIq, sJp, sJq, gainFromI: true);
        }

        return true;
    }

    /// <summary>Exact <c>own.X &gt; partner.DemandPosition</c>, by the estimates when they are clearly apart.</summary>
    private static bool XGreaterThanDemand(CandidateSide own, CandidateSide partner)
    {
        var c = Approx.Compare(own.XA, partner.DemandA);
        return c != 0 ? c > 0 : own.X > partner.DemandPosition;
    }

    private Approx EstimateOutcome(Candidate x, int issue, int actor, Approx v) =>
        _d[issue].IsZero ? default : EstimateNumerator(x, issue, actor, v) / _dA[issue];

    /// <summary>Estimate of <see cref="Numerator"/>: the round-start sum with the actor's and the learnt terms swapped in.</summary>
    private Approx EstimateNumerator(Candidate x, int issue, int actor, Approx v)
    {
        var terms = _termsA[issue];
        var sc = _scA[issue];
        var n = _startNumerator[issue] - terms[actor] + (v * sc[actor]);
        if (x.Updates is { } updates)
        {
            foreach (var u in updates)
            {
                if (u.Issue == issue && u.Actor != actor)
                {
                    n = n - terms[u.Actor] + (u.Estimate * sc[u.Actor]);
                }
            }
        }

        return n;
    }

    /// <summary>Spec §4 in 28-digit decimal arithmetic, in the reference's operation order.</summary>
    private void CalculateExact(Candidate x)
    {
        var i = x.I;
        var j = x.J;
        int p = x.P, q = x.Q;
        x.Exact = true;
        x.GainExact = true;
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
            x.GainA = default;
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

        SetMove(i, mI);
        SetMove(j, mJ);
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

    private static void SetMove(CandidateSide side, Dec28 move)
    {
        side.Move = move;
        side.Y = side.X + move;
        side.MoveA = Approx.Of(move);
        side.YA = Approx.Of(side.Y);
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
        x.Gain = !x.RandomRate ? (gainFromI ? eui : euj) : (eui < euj ? eui : euj);
        x.GainA = Approx.Of(x.Gain);
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

        // Most caps are decided far from the boundary: the bounded estimate settles those, and only close calls
        // are evaluated in exact decimal arithmetic.
        var ta = Approx.Of(t);
        var c0 = Approx.Compare(ta, EstimateOutcome(x, r, a.Actor, Approx.Of(a.X)));
        var c1 = Approx.Compare(ta, EstimateOutcome(x, r, a.Actor, Approx.Of(a.Y)));
        if (c0 != 0 && c0 == c1)
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

        SetMove(b, mB);
        SetMove(a, mA);

        // The reference stores the shifts with their roles swapped when I's cap fires; only reported.
        x.Dp = dr;
        x.Dq = dOther;
        if (ReferenceEquals(a, x.I))
        {
            SetGains(x, dOther, dr, sIp, sIq, sJp, sJq, gainFromI: false);
        }
        else
        {
            SetGains(x, dr, dOther, sIp, sIq, sJp, sJq, gainFromI: true);
        }

        a.N1 = AdjustedOutcome(x, r, a.Actor, a.Y);
    }

    /// <summary>Exact outcomes before and after each side's move, for reporting a realised exchange.</summary>
    public void CompleteOutcomes(Candidate x)
    {
        CompleteOutcomes(x, x.I);
        CompleteOutcomes(x, x.J);
    }

    private void CompleteOutcomes(Candidate x, CandidateSide side)
    {
        if (side.OutcomesExact)
        {
            return;
        }

        // At its round-start position and with nothing learnt on the issue, every term is the round-start one.
        var atStart = side.X == side.X0 && x.FindUpdateOn(side.Supply) < 0;
        side.N0 = atStart ? _startOutcome[side.Supply] : AdjustedOutcome(x, side.Supply, side.Actor, side.X);
        side.N1 = AdjustedOutcome(x, side.Supply, side.Actor, side.Y);
        side.OutcomesExact = true;
    }

    private Dec28 AdjustedOutcome(Candidate x, int issue, int actor, Dec28 v) =>
        _d[issue].IsZero ? Dec28.Zero : Numerator(x, issue, actor, v) / _d[issue];

    /// <summary>Σ (x·s)·c over the issue's actors in order: round-start positions, the exchange's learnt updates, the actor at v.</summary>
    private Dec28 Numerator(Candidate x, int issue, int actor, Dec28 v)
    {
        // The sum is rounded term by term, so the part before the first replaced term is the round-start prefix.
        var memberIndex = _memberIndex[issue];
        var first = memberIndex[actor];
        var hasUpdates = false;
        if (x.Updates is { } updates)
        {
            foreach (var u in updates)
            {
                if (u.Issue == issue)
                {
                    hasUpdates = true;
                    first = Math.Min(first, memberIndex[u.Actor]);
                }
            }
        }

        var n = _prefix[issue][first];
        var terms = _terms[issue];
        var members = _members[issue];
        for (var m = first; m < members.Length; m++)
        {
            var k = members[m];
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

    /// <summary>Spec §4 <c>ok</c>: a usable move within the scale, with a consistent history (earlier moves, then this one).</summary>
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
        if (side.History is { } history)
        {
            foreach (var m in history)
            {
                sum += m;
                var sign = m.Sign;
                positive += sign > 0 ? 1 : 0;
                negative += sign < 0 ? 1 : 0;
            }
        }

        sum += move;
        positive += move.Sign > 0 ? 1 : 0;
        negative += move.Sign < 0 ? 1 : 0;
        if (sum > Dec28.Hundred)
        {
            return false;
        }

        var count = side.HistoryCount + 1;
        return positive == count || negative == count;
    }

    /// <summary>
    /// Spec §5 recalculate: bring <paramref name="x"/> up to date with the realised <paramref name="e"/>.
    /// Returns false when nothing overlaps (x unchanged).
    /// </summary>
    private bool Recalculate(Candidate x, Candidate e)
    {
        var supplyI = SupplySource(x.I, e);
        var supplyJ = SupplySource(x.J, e);
        var demandFromJ = SameActorDemand(e.J, x.J) || SameActorDemand(e.J, x.I);
        var demandFromI = SameActorDemand(e.I, x.J) || SameActorDemand(e.I, x.I);
        if (supplyI is null && supplyJ is null && !demandFromJ && !demandFromI)
        {
            return false;
        }

        // The current planned move is dropped, except that a side whose supply position moved keeps a history
        // entry: HEAD keeps its stale planned move (which must then be exact), the corrected rule the realised move.
        var stale = _options.MoveHistory == MoveHistoryRule.StalePlannedMove;
        if (stale && (supplyI is not null || supplyJ is not null))
        {
            Exactify(x);
        }

        if (supplyI is not null)
        {
            x.I.AddHistory(stale ? x.I.Move : supplyI.Move);
            x.I.X = supplyI.Y;
            x.I.XA = supplyI.YA;
        }

        if (supplyJ is not null)
        {
            x.J.AddHistory(stale ? x.J.Move : supplyJ.Move);
            x.J.X = supplyJ.Y;
            x.J.XA = supplyJ.YA;
        }

        if (demandFromJ)
        {
            Learn(x, e.J.Demand, e.I);
        }

        if (demandFromI)
        {
            Learn(x, e.I.Demand, e.J);
        }

        Calculate(x);
        return true;
    }

    /// <summary>The side of the realised <paramref name="e"/> with the same actor and supply issue as <paramref name="side"/>, if any.</summary>
    private static CandidateSide? SupplySource(CandidateSide side, Candidate e)
    {
        if (side.Actor == e.I.Actor && side.Supply == e.I.Supply)
        {
            return e.I;
        }

        return side.Actor == e.J.Actor && side.Supply == e.J.Supply ? e.J : null;
    }

    private static bool SameActorDemand(CandidateSide a, CandidateSide b) => a.Actor == b.Actor && a.Demand == b.Demand;

    /// <summary>Records where the realised side <paramref name="mover"/> now stands on <paramref name="issue"/>.</summary>
    private static void Learn(Candidate x, int issue, CandidateSide mover)
    {
        var k = x.FindUpdate(issue, mover.Actor);
        if (k >= 0)
        {
            var existing = x.Updates![k];
            var e = existing.Position;
            var ea = existing.Estimate;
            var s = mover.X0;
            var sa = mover.X0A;
            var y = mover.Y;
            var ya = mover.YA;
            var keep = (!Greater(s, sa, e, ea) && Greater(y, ya, e, ea)) || (Greater(s, sa, e, ea) && Greater(e, ea, y, ya));
            if (!keep)
            {
                x.Updates[k] = new LearntPosition(issue, mover.Actor, y, ya);
            }
        }
        else
        {
            x.SetUpdate(issue, mover.Actor, mover.Y, mover.YA);
        }
    }

    /// <summary>Exact <c>a &gt; b</c>, by the estimates when they are clearly apart.</summary>
    private static bool Greater(Dec28 a, Approx aa, Dec28 b, Approx ba)
    {
        var c = Approx.Compare(aa, ba);
        return c != 0 ? c > 0 : a > b;
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

/// <summary>Diagnostic counts of one run (not thread-safe; the parallel round-start evaluation may undercount).</summary>
internal sealed class ExchangeCounters
{
    /// <summary>Candidate evaluations (spec §4), at round start and after overlaps.</summary>
    public long Evaluations;

    /// <summary>Evaluations that the estimates could not decide, done in exact decimal arithmetic.</summary>
    public long UndecidedEvaluations;

    /// <summary>Estimated evaluations redone exactly (before realisation, in near ties, for stale histories).</summary>
    public long Exactifications;

    /// <summary>Estimated evaluations whose gain alone was computed exactly, for a near tie.</summary>
    public long GainExactifications;
}

/// <summary>A candidate in the round's order with a copy of its gain estimate.</summary>
internal readonly struct Slot(Candidate candidate)
{
    public Candidate Candidate { get; } = candidate;

    public int Id { get; } = candidate.CreationIndex;

    public Approx Gain { get; } = candidate.GainA;
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
