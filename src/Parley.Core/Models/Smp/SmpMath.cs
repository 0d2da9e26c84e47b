using System.Runtime.CompilerServices;

namespace Parley.Core.Models.Smp;

/// <summary>SMP's primitives (spec smp.md §2–3): utility, votes, victory probability, risk attitudes.</summary>
internal static class SmpMath
{
    /// <summary>Floor added to coalition strengths in elections (KTAB's 1e-8).</summary>
    public const double CoalitionFloor = 1e-8;

    /// <summary>Floor added to the principals' strengths in a challenge (KTAB's 1e-10).</summary>
    public const double ChallengeFloor = 1e-10;

    /// <summary>Utility of distance <paramref name="delta"/> ∈ [0, 1] to an actor with risk attitude <paramref name="r"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Utility(double delta, double r) =>
        delta <= 1 ? (1 - delta) * (1 + (delta * r)) : (1 - delta) * (1 + r);

    /// <summary>A vote of weight <paramref name="w"/> for option a (utility <paramref name="a"/>) over b (utility <paramref name="b"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Vote(SmpVotingRule rule, double w, double a, double b)
    {
        var d = a - b;
        return rule switch
        {
            SmpVotingRule.Prop => w * d,
            SmpVotingRule.Binary => w * BinarySign(d),
            SmpVotingRule.PropBin => w * ((0.8 * d) + (0.2 * BinarySign(d))),
            SmpVotingRule.PropCbc => w * ((0.5 * d) + (0.5 * d * d * d)),
            SmpVotingRule.Cubic => w * d * d * d,
            SmpVotingRule.ASymProsp => d < 0 ? w * d : (d > 0 ? 2 * w * d / 3 : 0),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown voting rule."),
        };
    }

    /// <summary>P(i beats j) from the two coalition strengths.</summary>
    public static double VictoryProbability(VictoryProbModel model, double cij, double cji)
    {
        switch (model)
        {
            case VictoryProbModel.Linear:
                return cij / (cij + cji);
            case VictoryProbModel.Square:
                {
                    double a = cij * cij, b = cji * cji;
                    return a / (a + b);
                }

            case VictoryProbModel.Quartic:
                {
                    double a = cij * cij * cij * cij, b = cji * cji * cji * cji;
                    return a / (a + b);
                }

            case VictoryProbModel.Octic:
                {
                    double a2 = cij * cij, b2 = cji * cji, a4 = a2 * a2, b4 = b2 * b2;
                    double a = a4 * a4, b = b4 * b4;
                    return a / (a + b);
                }

            case VictoryProbModel.Binary:
                {
                    // One side at least 1.1 times the other wins with strength 1 against 1e-6; in between, a linear
                    // ramp of the share r = C_ij/(C_ij+C_ji) from 0 at r = 1/2.1 to 1 at r = 1.1/2.1.
                    const double loser = 1e-6;
                    if (cij >= 1.1 * cji)
                    {
                        return 1 / (1 + loser);
                    }

                    if (cji >= 1.1 * cij)
                    {
                        return loser / (1 + loser);
                    }

                    var r = cij / (cij + cji);
                    return Math.Clamp(((2.1 * r) - 1) / 0.1, 0, 1);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown victory probability model.");
        }
    }

    /// <summary>h's estimate r_hi of i's risk attitude from R_h and R_i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AdjustRisk(BigRAdjust adjust, double rh, double ri) => adjust switch
    {
        BigRAdjust.None => rh,
        BigRAdjust.OneThird => ((2 * rh) + ri) / 3,
        BigRAdjust.Half => (rh + ri) / 2,
        BigRAdjust.TwoThirds => (rh + (2 * ri)) / 3,
        BigRAdjust.Full => ri,
        _ => throw new ArgumentOutOfRangeException(nameof(adjust), adjust, "Unknown risk adjustment."),
    };

    /// <summary>
    /// Risk attitudes from the probabilities <paramref name="p"/> that each actor's position wins.
    /// Returns false (and sets every R to 0) when all probabilities are equal, where KTAB's formula divides by zero.
    /// </summary>
    public static bool RiskAttitudes(BigRRange range, ReadOnlySpan<double> p, Span<double> r, out double spread)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in p)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        spread = max - min;
        if (!(spread > 1e-12))
        {
            r.Clear();
            return false;
        }

        for (var i = 0; i < p.Length; i++)
        {
            r[i] = range switch
            {
                BigRRange.Min => (p[i] - min) / (max - min),
                BigRRange.Mid => ((3 * p[i]) - max - (2 * min)) / (2 * (max - min)),
                BigRRange.Max => ((2 * p[i]) - max - min) / (max - min),
                _ => throw new ArgumentOutOfRangeException(nameof(range), range, "Unknown risk range."),
            };
        }

        return true;
    }

    /// <summary>KTAB's rounding of bargain coordinates to 4 decimals on [0, 1].</summary>
    public static double Round4(double z) => Math.Floor(0.5 + (1e4 * z)) / 1e4;

    private static double BinarySign(double d) => Math.Clamp(d / 1e-8, -1, 1);
}
