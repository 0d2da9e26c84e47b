namespace Parley.Core.Models.Exchange;

/// <summary>One side of a candidate exchange (mutable working state within a round).</summary>
internal sealed class CandidateSide
{
    public int Actor;
    public int Supply;
    public int Demand;

    /// <summary>Own position on the supply issue at round start.</summary>
    public Dec28 X0;

    /// <summary>Own current position on the supply issue (round start plus realised moves that concern this exchange).</summary>
    public Dec28 X;

    /// <summary>Own round-start position on the demand issue (the partner's target there).</summary>
    public Dec28 DemandPosition;

    /// <summary>Estimates of <see cref="X0"/>, <see cref="X"/> and <see cref="DemandPosition"/>.</summary>
    public Approx X0A;
    public Approx XA;
    public Approx DemandA;

    /// <summary>Current move (exact; valid when the candidate is <see cref="Candidate.Exact"/>).</summary>
    public Dec28 Move;

    /// <summary>Current move estimate (always set).</summary>
    public Approx MoveA;

    public Dec28 Y;

    /// <summary>Estimate of <see cref="Y"/> (always set).</summary>
    public Approx YA;
    public Dec28 N0;
    public Dec28 N1;
    public Dec28 Eu;

    /// <summary>False when N0/N1 were not computed exactly (the cap was settled by an estimate).</summary>
    public bool OutcomesExact;

    /// <summary>
    /// Move history before the current move: realised moves, or (HEAD rule) stale planned moves; always exact.
    /// The validity test looks at these plus <see cref="Move"/>.
    /// </summary>
    public List<Dec28>? History;

    public int HistoryCount => History?.Count ?? 0;

    /// <summary>Estimate of the history's sum and the counts of its positive and negative entries.</summary>
    public Approx HistorySum;
    public int HistoryPositive;
    public int HistoryNegative;

    public void AddHistory(Dec28 move)
    {
        (History ??= new List<Dec28>(2)).Add(move);
        HistorySum += Approx.Of(move);
        HistoryPositive += move.Sign > 0 ? 1 : 0;
        HistoryNegative += move.Sign < 0 ? 1 : 0;
    }

    public void Reset()
    {
        History?.Clear();
        HistorySum = default;
        HistoryPositive = 0;
        HistoryNegative = 0;
        OutcomesExact = false;
    }
}

/// <summary>A candidate exchange between two actors over an issue pair (p, q): I supplies q, J supplies p.</summary>
internal sealed class Candidate
{
    public readonly CandidateSide I = new();
    public readonly CandidateSide J = new();

    public int P;
    public int Q;
    public int CreationIndex;
    public bool Valid;

    /// <summary>Realised (kept by the result; never reused).</summary>
    public bool Realised;

    /// <summary>True when the current evaluation was done in exact decimal arithmetic (all exact fields set).</summary>
    public bool Exact;

    /// <summary>Still in the round's list (valid, not yet realised or dropped).</summary>
    public bool Alive;

    /// <summary>Bookkeeping of the selection loop: last pick that visited / changed this candidate, and its list index.</summary>
    public int VisitStamp;
    public int ChangeStamp;
    public int Position;

    /// <summary>Exact gain (valid when <see cref="GainExact"/>).</summary>
    public Dec28 Gain;

    /// <summary>True when <see cref="Gain"/> holds the exact gain of the current evaluation (always when <see cref="Exact"/>).</summary>
    public bool GainExact;

    /// <summary>Estimated evaluation only: I's move was limited (spec §4 second branch), and whether an outcome cap fired.</summary>
    public bool ILimited;
    public bool Capped;

    /// <summary>Estimate of <see cref="Gain"/> (always set; the conversion of the exact gain when <see cref="Exact"/>).</summary>
    public Approx GainA;
    public Dec28 Dp;
    public Dec28 Dq;

    /// <summary>Random Rate only: the drawn fraction of the way between the two break-even rates.</summary>
    public double RateDraw;

    /// <summary>True under Random Rate: the gain is the smaller of the two sides' gains.</summary>
    public bool RandomRate;

    /// <summary>Positions of other actors as this exchange has learnt them from realised exchanges.</summary>
    public List<LearntPosition>? Updates;

    /// <summary>Prepares a pooled candidate for reuse (the creator sets every other field).</summary>
    public void Reset()
    {
        I.Reset();
        J.Reset();
        Updates?.Clear();
        Valid = false;
        Exact = false;
        GainExact = false;
        Alive = false;
        RateDraw = 0;
    }

    public bool TryGetUpdate(int issue, int actor, out Dec28 position)
    {
        if (Updates is not null)
        {
            foreach (var u in Updates)
            {
                if (u.Issue == issue && u.Actor == actor)
                {
                    position = u.Position;
                    return true;
                }
            }
        }

        position = default;
        return false;
    }

    /// <summary>Index of the learnt position of (issue, actor) in <see cref="Updates"/>, or −1.</summary>
    public int FindUpdate(int issue, int actor)
    {
        if (Updates is not null)
        {
            for (var k = 0; k < Updates.Count; k++)
            {
                if (Updates[k].Issue == issue && Updates[k].Actor == actor)
                {
                    return k;
                }
            }
        }

        return -1;
    }

    /// <summary>Index of the first learnt position on <paramref name="issue"/> in <see cref="Updates"/>, or −1.</summary>
    public int FindUpdateOn(int issue)
    {
        if (Updates is not null)
        {
            for (var k = 0; k < Updates.Count; k++)
            {
                if (Updates[k].Issue == issue)
                {
                    return k;
                }
            }
        }

        return -1;
    }

    /// <summary>Sets the learnt position of (issue, actor); <paramref name="estimate"/> is its estimate.</summary>
    public void SetUpdate(int issue, int actor, Dec28 position, Approx estimate)
    {
        Updates ??= new List<LearntPosition>(2);
        var k = FindUpdate(issue, actor);
        var entry = new LearntPosition(issue, actor, position, estimate);
        if (k >= 0)
        {
            Updates[k] = entry;
        }
        else
        {
            Updates.Add(entry);
        }
    }
}

/// <summary>Where a candidate has learnt that an actor now stands on an issue (exact, with its estimate).</summary>
internal readonly record struct LearntPosition(int Issue, int Actor, Dec28 Position, Approx Estimate);
