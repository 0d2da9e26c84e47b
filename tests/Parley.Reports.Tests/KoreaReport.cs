using Parley.Core.Models;
using Parley.Core.Models.Compromise;
using Parley.Core.Models.Eum;
using Parley.Core.Models.Median;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Formats;
using Parley.Testing;

namespace Parley.Reports.Tests;

/// <summary>Builds the report input of the shipped Korea scenario, as <c>parley report</c> does with its defaults.</summary>
internal static class KoreaReport
{
    public static Scenario LoadScenario() => ScenarioLoader.LoadFile(SharedData.InRepo("scenarios", "korea-2025.yaml"));

    public static IReadOnlyList<IIssueModel> Models() => [new CompromiseModel(), new MedianModel(), new EumModel(new EumOptions())];

    public static ReportInput Build(int draws = 2000, ulong seed = 1)
    {
        var scenario = LoadScenario();
        return ReportBuilder.Build(scenario, null, ReportBuilder.ComparableVariants(scenario), Models(), new MonteCarloOptions { Draws = draws, Seed = seed });
    }
}

/// <summary>One Korea report with default draws, shared by the tests of a class (it takes a few seconds to build).</summary>
public sealed class KoreaReportFixture
{
    public KoreaReportFixture()
    {
        Input = KoreaReport.Build();
        Html = Parley.Reports.Html.HtmlReport.Render(Input);
    }

    public ReportInput Input { get; }

    public string Html { get; }
}
