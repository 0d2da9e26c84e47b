namespace Parley.Core.Models;

/// <summary>Validation shared by the single-issue models; allocation-free unless it throws.</summary>
internal static class IssueInputChecks
{
    /// <summary>
    /// Checks that <paramref name="input"/> has at least one actor, finite positions, saliences in [0,100],
    /// finite capabilities ≥ 0, a positive total weight Σ cᵢ·sᵢ and no more than <paramref name="maxActors"/> actors.
    /// </summary>
    public static void Validate(IssueInput input, int maxActors = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(input);
        var n = input.Count;
        if (n == 0)
        {
            throw new ArgumentException("An issue needs at least one participating actor.", nameof(input));
        }

        if (n > maxActors)
        {
            throw new ArgumentException($"The issue has {n} actors but the solver was created for at most {maxActors}.", nameof(input));
        }

        double total = 0;
        for (var i = 0; i < n; i++)
        {
            var x = input.Positions[i];
            var s = input.Saliences[i];
            var c = input.Capabilities[i];
            if (!double.IsFinite(x))
            {
                throw new ArgumentException($"Actor '{input.ActorIds[i]}' has position {x}; positions must be finite.", nameof(input));
            }

            if (!(s >= 0 && s <= 100))
            {
                throw new ArgumentException($"Actor '{input.ActorIds[i]}' has salience {s}; salience must be in [0-100].", nameof(input));
            }

            if (!(c >= 0 && double.IsFinite(c)))
            {
                throw new ArgumentException($"Actor '{input.ActorIds[i]}' has capability {c}; capability must be finite and ≥ 0.", nameof(input));
            }

            total += c * s;
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            throw new ArgumentException($"The total weight Σ capability × salience is {total}; at least one actor needs positive capability and salience.", nameof(input));
        }
    }

    /// <summary>Writes wᵢ = cᵢ·sᵢ (salience on 0–100) into <paramref name="weights"/>.</summary>
    public static void FillWeights(IssueInput input, Span<double> weights)
    {
        for (var i = 0; i < input.Count; i++)
        {
            weights[i] = input.Capabilities[i] * input.Saliences[i];
        }
    }

    /// <summary>The round-0 trace shared by the one-shot models.</summary>
    public static RoundState InitialRound(IssueInput input, double median, double mean) =>
        new(0, median, mean, input.Positions.ToArray(), null, Array.Empty<Move>());
}
