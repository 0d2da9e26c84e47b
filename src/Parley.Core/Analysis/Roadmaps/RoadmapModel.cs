namespace Parley.Core.Analysis.Roadmaps;

/// <summary>
/// A <see cref="RoadmapProblem"/> compiled to flat arrays for the searches. Steps are indexed in ordinal id order,
/// so bit j of a set mask is the j-th step by id. Not thread-safe only in the sense that callers pass their own
/// scratch spans; the arrays are never written after construction.
/// </summary>
internal sealed class RoadmapModel
{
    public RoadmapModel(RoadmapProblem problem)
    {
        Problem = problem;
        var issues = problem.Issues;
        var steps = problem.Library.Steps;
        N = steps.Count;
        M = issues.Count;
        A = problem.Actors.Count;
        Lo = issues.Select(i => i.ScaleLow).ToArray();
        Hi = issues.Select(i => i.ScaleHigh).ToArray();
        Start = issues.Select(i => i.Start).ToArray();
        var issueIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < M; i++)
        {
            issueIndex[issues[i].Id] = i;
        }

        var stepIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < N; j++)
        {
            stepIndex[steps[j].Id] = j;
        }

        Effect = new double[N * M];
        Prereq = new ulong[N];
        for (var j = 0; j < N; j++)
        {
            foreach (var e in steps[j].Effects)
            {
                Effect[(j * M) + issueIndex[e.IssueId]] = e.Shift;
            }

            foreach (var p in steps[j].Prerequisites)
            {
                Prereq[j] |= 1UL << stepIndex[p];
            }
        }

        Closure = new ulong[N];
        for (var j = 0; j < N; j++)
        {
            foreach (var id in problem.Library.Closure(steps[j].Id))
            {
                Closure[j] |= 1UL << stepIndex[id];
            }
        }

        AllMask = N == 64 ? ulong.MaxValue : (1UL << N) - 1;
        Ideal = new double[A * M];
        Weight = new double[A * M];
        for (var a = 0; a < A; a++)
        {
            var actor = problem.Actors[a];
            var total = actor.Stances.Sum(s => s.Salience);
            foreach (var s in actor.Stances)
            {
                var i = issueIndex[s.IssueId];
                Ideal[(a * M) + i] = s.Position;
                Weight[(a * M) + i] = total > 0 ? s.Salience / ((Hi[i] - Lo[i]) * total) : 0;
            }
        }

        var actorIndex = problem.Actors.Select((x, k) => (x.Id, k)).ToDictionary(p => p.Id, p => p.k, StringComparer.Ordinal);
        Beneficiary = actorIndex[problem.Beneficiary];
        Veto = problem.VetoPlayers.Select(v => actorIndex[v]).ToArray();
        Epsilon = problem.Options.Epsilon;
        MaxStages = problem.Options.MaxStages;
        MaxPackage = problem.Options.MaxStepsPerPackage;
        StartUtility = new double[A];
        for (var a = 0; a < A; a++)
        {
            StartUtility[a] = Utility(a, Start);
        }
    }

    public RoadmapProblem Problem { get; }

    public int N { get; }

    public int M { get; }

    public int A { get; }

    public double[] Lo { get; }

    public double[] Hi { get; }

    public double[] Start { get; }

    /// <summary>Shift of step j on issue i at [j * M + i].</summary>
    public double[] Effect { get; }

    /// <summary>Direct prerequisites of step j as a mask.</summary>
    public ulong[] Prereq { get; }

    /// <summary>Step j with all its transitive prerequisites, as a mask.</summary>
    public ulong[] Closure { get; }

    public ulong AllMask { get; }

    /// <summary>Ideal point of actor a on issue i at [a * M + i].</summary>
    public double[] Ideal { get; }

    /// <summary>s_a,i / (span_i · Σ_i s_a,i) at [a * M + i]; 0 where the actor has no stance.</summary>
    public double[] Weight { get; }

    public int Beneficiary { get; }

    public int[] Veto { get; }

    public double Epsilon { get; }

    public int MaxStages { get; }

    public int MaxPackage { get; }

    public double[] StartUtility { get; }

    /// <summary>Writes the unclamped outcome vector start + Σ effects of <paramref name="set"/> into <paramref name="y"/>.</summary>
    public void StateOf(ulong set, Span<double> y)
    {
        Start.CopyTo(y);
        for (var j = 0; j < N; j++)
        {
            if (((set >> j) & 1UL) != 0)
            {
                AddStep(j, y);
            }
        }
    }

    public void AddStep(int j, Span<double> y)
    {
        var row = Effect.AsSpan(j * M, M);
        for (var i = 0; i < M; i++)
        {
            y[i] += row[i];
        }
    }

    /// <summary>The clamped outcome of issue i for unclamped value <paramref name="yi"/>.</summary>
    public double Clamp(int i, double yi) => Math.Clamp(yi, Lo[i], Hi[i]);

    /// <summary>U_a = −Σ_i w_a,i |clamp(y_i) − x_a,i|, in [−1, 0].</summary>
    public double Utility(int a, ReadOnlySpan<double> y)
    {
        var u = 0.0;
        var off = a * M;
        for (var i = 0; i < M; i++)
        {
            var w = Weight[off + i];
            if (w != 0)
            {
                u -= w * Math.Abs(Clamp(i, y[i]) - Ideal[off + i]);
            }
        }

        return u;
    }

    /// <summary>True when every veto player's margin from <paramref name="before"/> to <paramref name="after"/> is ≥ −ε.</summary>
    public bool Acceptable(ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        foreach (var v in Veto)
        {
            if (Utility(v, after) - Utility(v, before) < -Epsilon)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes each veto player's utility at <paramref name="y"/> into <paramref name="utilities"/> (veto order).</summary>
    public void VetoUtilities(ReadOnlySpan<double> y, Span<double> utilities)
    {
        for (var k = 0; k < Veto.Length; k++)
        {
            utilities[k] = Utility(Veto[k], y);
        }
    }

    /// <summary>Like <see cref="Acceptable"/>, with the veto players' utilities before the stage precomputed.</summary>
    public bool AcceptableFrom(ReadOnlySpan<double> vetoBefore, ReadOnlySpan<double> after)
    {
        for (var k = 0; k < Veto.Length; k++)
        {
            if (Utility(Veto[k], after) - vetoBefore[k] < -Epsilon)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The smallest veto margin from <paramref name="before"/> to <paramref name="after"/> (+∞ without veto players).</summary>
    public double MinMargin(ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        var min = double.PositiveInfinity;
        foreach (var v in Veto)
        {
            min = Math.Min(min, Utility(v, after) - Utility(v, before));
        }

        return min;
    }

    /// <summary>Steps not in <paramref name="set"/> whose prerequisites all are.</summary>
    public ulong Available(ulong set)
    {
        var avail = 0UL;
        for (var j = 0; j < N; j++)
        {
            if (((set >> j) & 1UL) == 0 && (Prereq[j] & ~set) == 0)
            {
                avail |= 1UL << j;
            }
        }

        return avail;
    }

    /// <summary>The beneficiary's gain U_b(set) − U_b(start).</summary>
    public double Gain(ulong set)
    {
        Span<double> y = stackalloc double[M];
        StateOf(set, y);
        return Utility(Beneficiary, y) - StartUtility[Beneficiary];
    }
}
