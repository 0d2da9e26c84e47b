using Parley.Core.Models;
using Parley.Core.Models.Eum;
using Parley.Core.Numerics;

namespace Parley.Core.Tests.Models.Eum;

/// <summary>
/// Round-1 expected utilities against the readings of Scholz et al. (2011) Figs. 7–11
/// (emission-standards.round1-eu.csv; shared/spec/eum.md §9).
/// </summary>
public sealed class EumCalculatorTests
{
    public static TheoryData<int, string> FigureRows()
    {
        var data = new TheoryData<int, string>();
        var rows = ReferenceData.Rows("emission-standards.round1-eu.csv");
        for (var i = 0; i < rows.Count; i++)
        {
            data.Add(i, $"fig {rows[i]["figure"]} {rows[i]["view"]}/{rows[i]["other"]}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FigureRows))]
    public void ExpectedUtility_Round1Figures_MatchReadingWithinRowTolerance(int row, string label)
    {
        // Given a figure reading: view actor i, other actor j, Q, the two plotted utilities and the reading tolerance
        var r = ReferenceData.Rows("emission-standards.round1-eu.csv")[row];
        var input = ReferenceData.EmissionStandards();
        var i = Index(input, r["view"]);
        var j = Index(input, r["other"]);
        var calc = EumCalculator.ForInitialState(input, new EumOptions { Q = ReferenceData.Number(r["q"]) });
        if (r["status"] != "ok")
        {
            // Fig. 9's Greece point cannot be reproduced (spec §9: a plotting error); it is the only such row.
            Assert.Equal(("9", "Netherlands", "Greece", "not-reproduced"), (r["figure"], r["view"], r["other"], r["status"]));
            return;
        }

        // When: Figs. 7, 8, 9 and 11 plot (E(i→j; rᵢ), E(j→i; rᵢ)); Fig. 10 plots (E(j→i; rⱼ), E(j→i; rᵢ)).
        double x, y;
        if (r["figure"] == "10")
        {
            x = calc.ExpectedUtility(j, i, calc.RiskExponent(j));
            y = calc.ExpectedUtility(j, i, calc.RiskExponent(i));
        }
        else
        {
            x = calc.ExpectedUtility(i, j, calc.RiskExponent(i));
            y = calc.ExpectedUtility(j, i, calc.RiskExponent(i));
        }

        // Then, within the row's reading tolerance
        var tol = ReferenceData.Number(r["tol"]);
        Assert.True(Math.Abs(x - ReferenceData.Number(r["x_read"])) <= tol, $"{label}: x = {x}, read {r["x_read"]} ± {tol}");
        Assert.True(Math.Abs(y - ReferenceData.Number(r["y_read"])) <= tol, $"{label}: y = {y}, read {r["y_read"]} ± {tol}");
    }

    [Fact]
    public void ExpectedUtility_Figure9Greece_SharesYWithBelgiumAndIreland()
    {
        // Spec §9: Greece shares Belgium's and Ireland's position, so E(j→NL; r_NL) must be the same for all three,
        // which is why Fig. 9's printed Greece point (y = 0.56) is a plotting error.
        var input = ReferenceData.EmissionStandards();
        var calc = EumCalculator.ForInitialState(input);
        var nl = Index(input, "Netherlands");
        var rho = calc.RiskExponent(nl);

        var greece = calc.ExpectedUtility(Index(input, "Greece"), nl, rho);

        // Tolerance: 1e-12 (same formula on the same distance; they differ only in the voters' tallies, which match).
        Assert.Equal(calc.ExpectedUtility(Index(input, "Belgium"), nl, rho), greece, 1e-12);
        Assert.Equal(calc.ExpectedUtility(Index(input, "Ireland"), nl, rho), greece, 1e-12);
    }

    [Fact]
    public void RiskExponent_Figure11HalfQ_NetherlandsIsSpecValue()
    {
        // Spec §9: "Fig. 11 (Q=0.5, μ=7, r_NL=1.3819) UK (−2.688, −2.282)".
        var input = ReferenceData.EmissionStandards();
        var calc = EumCalculator.ForInitialState(input, new EumOptions { Q = 0.5 });
        int nl = Index(input, "Netherlands"), uk = Index(input, "UK");

        // Tolerance: ±1e-4 for r (four decimals), ±1e-3 for E (three decimals).
        Assert.Equal(7.0, calc.Median, 0);
        Assert.Equal(1.3819, calc.RiskExponent(nl), 1e-4);
        Assert.Equal(-2.688, calc.ExpectedUtility(nl, uk, calc.RiskExponent(nl)), 1e-3);
        Assert.Equal(-2.282, calc.ExpectedUtility(uk, nl, calc.RiskExponent(nl)), 1e-3);
    }

    [Fact]
    public void ExpectedUtility_SamePositionAndQ1_IsZero()
    {
        // Spec §4: with Q = 1, E = 0 (to rounding) when xᵢ = xⱼ. Belgium and Greece share 7.
        var input = ReferenceData.EmissionStandards();
        var calc = EumCalculator.ForInitialState(input);

        Assert.Equal(0, calc.ExpectedUtility(Index(input, "Belgium"), Index(input, "Greece"), 1.3), 1e-12);
        Assert.Equal(0, calc.Probability(Index(input, "Belgium"), Index(input, "Greece")));
    }

    [Fact]
    public void Probability_OrderedPairs_AddToHalfOverAll()
    {
        // With the all-pairs DEN (spec §3), Σ over ordered pairs of P(i,j) is 1/2: each pair's votes are counted
        // once in num(i,j) + num(j,i) and twice in DEN. Tolerance 1e-12.
        var input = ReferenceData.EmissionStandards();
        var calc = EumCalculator.ForInitialState(input);
        double sum = 0;
        for (var i = 0; i < calc.Count; i++)
        {
            for (var j = 0; j < calc.Count; j++)
            {
                sum += calc.Probability(i, j);
            }
        }

        Assert.Equal(0.5, sum, 1e-12);
    }

    [Theory]
    [InlineData(0, 1.0)] // the published case
    [InlineData(12, 1.0)] // random issues, positions on a 0.1 grid (shared positions, voters on midpoints)
    [InlineData(40, 0.6)]
    public void Probability_AnyIssue_EqualsLiteralSpecTripleSums(int randomActors, double q)
    {
        // Given the engine's tallies, which use cumulative sums over voters sorted by position
        var input = randomActors == 0 ? ReferenceData.EmissionStandards() : ModelProperties.RandomIssue(new Random(randomActors), randomActors);
        var calc = EumCalculator.ForInitialState(input, new EumOptions { Q = q });
        var n = input.Count;
        var l = calc.ScaleLength;
        var w = Enumerable.Range(0, n).Select(k => input.Capabilities[k] * input.Saliences[k] / 100).ToArray();

        // When P is evaluated literally as spec §3 writes it
        double Vote(int k, int a, int b) => w[k] * (Math.Pow(Math.Abs(input.Positions[k] - input.Positions[b]) / l, calc.RiskExponent(k))
            - Math.Pow(Math.Abs(input.Positions[k] - input.Positions[a]) / l, calc.RiskExponent(k)));
        double den = 0;
        for (var k = 0; k < n; k++)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    den += Math.Abs(Vote(k, a, b));
                }
            }
        }

        // Then they agree to 1e-12 (absolute, on probabilities that sum to 1/2)
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var num = input.Positions[i] == input.Positions[j] ? 0 : Enumerable.Range(0, n).Sum(k => Math.Max(0, Vote(k, i, j)));
                Assert.Equal(num / den, calc.Probability(i, j), 1e-12);
            }
        }
    }

    [Theory]
    [InlineData(0, 1.0)] // the published case
    [InlineData(12, 1.0)] // shared positions, voters on midpoints
    [InlineData(40, 1.0)]
    [InlineData(25, 0.6)]
    public void Threat_AnyIssue_EqualsLiteralSumOfLinearChallenges(int randomActors, double q)
    {
        // Given the engine's security sums, which with Q = 1 come from the ρ = 1 votes in closed form
        var input = randomActors == 0 ? ReferenceData.EmissionStandards() : ModelProperties.RandomIssue(new Random(randomActors + 1), randomActors);
        var calc = EumCalculator.ForInitialState(input, new EumOptions { Q = q });
        var n = input.Count;
        var l = calc.ScaleLength;
        var x = input.Positions;
        var s = input.Saliences.Select(v => v / 100).ToArray();
        var w = Enumerable.Range(0, n).Select(k => input.Capabilities[k] * s[k]).ToArray();

        // When Dᵢ = Σ_{j≠i} E(j→i; 1) is evaluated literally from spec §3–§5 (ρ = 1 everywhere)
        double Vote(int k, int a, int b) => w[k] * ((Math.Abs(x[k] - x[b]) / l) - (Math.Abs(x[k] - x[a]) / l));
        double den = 0;
        for (var k = 0; k < n; k++)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    den += Math.Abs(Vote(k, a, b));
                }
            }
        }

        var median = WeightedStats.Median(x, w, new double[WeightedStats.MedianScratchLength(n)]);
        const double statusQuo = 2 - (4 * 0.5);
        for (var i = 0; i < n; i++)
        {
            double expected = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var p = x[i] == x[j] ? 0 : Enumerable.Range(0, n).Sum(k => Math.Max(0, Vote(k, j, i))) / den;
                var d = Math.Abs(x[j] - x[i]) / l;
                var success = 2 - (4 * (0.5 - (0.5 * d)));
                var failure = 2 - (4 * (0.5 + (0.5 * d)));
                var contest = (s[i] * ((p * success) + ((1 - p) * failure))) + ((1 - s[i]) * success);
                var drift = 0.0;
                if (q < 1)
                {
                    // §4's drift term at ρ = 1, as the spec writes it (challenger j, target i).
                    var jBetween = (x[j] < x[i] && x[i] < median) || (median < x[i] && x[i] < x[j]);
                    var iBetween = (x[i] < x[j] && x[j] < median) || (median < x[j] && x[j] < x[i]);
                    var better = !(jBetween || (iBetween && Math.Abs(x[j] - median) > Math.Abs(x[j] - x[i])));
                    var e = (Math.Abs(x[j] - median) + Math.Abs(x[j] - x[i])) / l;
                    drift = better ? 2 - (4 * (0.5 - (0.25 * e))) : 2 - (4 * (0.5 + (0.25 * e)));
                }

                expected += contest - ((q * statusQuo) + ((1 - q) * drift));
            }

            // Then they agree to 1e-12 relative
            Assert.Equal(expected, calc.Threat(i), Math.Max(1e-12, Math.Abs(expected) * 1e-12));
        }
    }

    [Fact]
    public void ForInitialState_AllPositionsEqual_Throws()
    {
        var input = IssueInput.Create(["a", "b"], [1, 1], [10, 10], [1, 1], 0, 2);

        Assert.Throws<ArgumentException>(() => EumCalculator.ForInitialState(input));
    }

    [Fact]
    public void ExpectedUtility_BadIndexOrExponent_Throws()
    {
        var calc = EumCalculator.ForInitialState(ReferenceData.EmissionStandards());

        Assert.Throws<ArgumentOutOfRangeException>(() => calc.ExpectedUtility(0, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => calc.ExpectedUtility(0, 1, double.NaN));
    }

    private static int Index(IssueInput input, string actor) => input.ActorIds.ToList().IndexOf(actor);
}
