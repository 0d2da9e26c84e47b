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

    public Dec28 Move;
    public Dec28 Y;
    public Dec28 N0;
    public Dec28 N1;
    public Dec28 Eu;

    /// <summary>False when N0/N1 were not computed exactly (the cap was settled by an estimate).</summary>
    public bool OutcomesExact;

    /// <summary>Move history: earlier tentative or realised moves plus the current one (last).</summary>
    public readonly List<Dec28> Moves = new(4);
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
    public Dec28 Gain;
    public Dec28 Dp;
    public Dec28 Dq;

    /// <summary>Random Rate only: the drawn fraction of the way between the two break-even rates.</summary>
    public double RateDraw;

    /// <summary>True under Random Rate: the gain is the smaller of the two sides' gains.</summary>
    public bool RandomRate;

    /// <summary>Positions of other actors as this exchange has learnt them from realised exchanges: (issue, actor, position).</summary>
    public List<(int Issue, int Actor, Dec28 Position)>? Updates;

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

    public void SetUpdate(int issue, int actor, Dec28 position)
    {
        Updates ??= new List<(int, int, Dec28)>(2);
        for (var k = 0; k < Updates.Count; k++)
        {
            if (Updates[k].Issue == issue && Updates[k].Actor == actor)
            {
                Updates[k] = (issue, actor, position);
                return;
            }
        }

        Updates.Add((issue, actor, position));
    }

    public bool HasUpdatesOn(int issue)
    {
        if (Updates is null)
        {
            return false;
        }

        foreach (var u in Updates)
        {
            if (u.Issue == issue)
            {
                return true;
            }
        }

        return false;
    }
}
