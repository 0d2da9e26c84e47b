using Parley.Core.Forecasting;
using Parley.Core.Models;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Reports.Text;

namespace Parley.Reports.Tests.Text;

public sealed class AgreementSummaryTests
{
    private static readonly Issue Issue = new("i", "Issue", null, 0, 100, true, [new Anchor(0, "Nothing"), new Anchor(50, "Half"), new Anchor(100, "All")], null, null, Evidence.None);

    private static (IssueForecasts Issue, MonteCarloForecast Mc) Case(double a, double b, double[] drawsA, double[] drawsB)
    {
        var input = new IssueInput(["x"], 0, 100);
        var forecasts = new IssueForecasts(Issue, input, [new IssueForecast("compromise", a, []), new IssueForecast("eum", b, [])]);
        var options = new MonteCarloOptions { Draws = drawsA.Length };
        var mc = new MonteCarloForecast("s", null, options,
        [
            new IssueOutcome("i", "compromise", a, new OutcomeDistribution(drawsA, 1, 0, 100, 20, [], [])),
            new IssueOutcome("i", "eum", b, new OutcomeDistribution(drawsB, 1, 0, 100, 20, [], [])),
        ]);
        return (forecasts, mc);
    }

    [Fact]
    public void Describe_ForecastsWithinTenthOfScale_Agree()
    {
        var (issue, mc) = Case(48, 55, [45, 48, 50], [50, 55, 60]);
        var a = AgreementSummary.Describe(issue, mc);
        Assert.True(a.Agree);
        Assert.Equal(7, a.Spread, 1e-12);
        Assert.StartsWith("The models agree", a.Sentence, StringComparison.Ordinal);
        Assert.Contains("\"Half\"", a.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_FarApartWithSeparateIntervals_DisagreeAndSaySo()
    {
        var (issue, mc) = Case(20, 90, [15, 20, 25], [85, 90, 95]);
        var a = AgreementSummary.Describe(issue, mc);
        Assert.False(a.Agree);
        Assert.Contains("disagree by 70.0 points", a.Sentence, StringComparison.Ordinal);
        Assert.Contains("eum expects 90.0", a.Sentence, StringComparison.Ordinal);
        Assert.Contains("do not overlap", a.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Overall_CountsAndNamesDisagreements()
    {
        var text = AgreementSummary.Overall([new IssueAgreement("i", false, 70, ""), new IssueAgreement("j", true, 1, "")], [Issue]);
        Assert.Equal("The models agree on 1 of 2 issues and disagree on 1: Issue.", text);
    }
}
