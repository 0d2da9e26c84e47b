using System.Text.RegularExpressions;
using Parley.Core.Analysis.Roadmaps;
using Parley.Formats.Steps;
using Parley.Testing;
using Xunit.Abstractions;

namespace Parley.Formats.Tests.Steps;

public partial class KoreaStepLibraryTests(ITestOutputHelper output)
{
    private static string LibraryPath => SharedData.InRepo("scenarios", "korea-2025-steps.yaml");

    [Fact]
    public void Load_KoreaLibrary_ChecksAgainstScenario()
    {
        // When
        var library = StepLibraryReader.Load(LibraryPath, KoreaScenarioJson.Load());

        // Then: 15-25 steps, each with evidence
        Assert.InRange(library.Steps.Count, 15, 25);
        Assert.All(library.Steps, s => Assert.False(s.Evidence.IsEmpty));
    }

    [Fact]
    public void Load_KoreaLibrary_QuotesAreVerbatimFromTheChapter()
    {
        // Given the chapter with whitespace normalised and the page-break split 'de-/nuclearization' rejoined
        var chapter = Normalise(File.ReadAllText(SharedData.File("seed-korea-policy-chapter.txt")));
        chapter = chapter.Replace("de- APEC2024: Japan, US and ROK hold summit meeting (Photo: YONHAP NEWS/ Aflo) nuclearization", "denuclearization", StringComparison.Ordinal);
        var library = StepLibraryReader.Load(LibraryPath);

        // Then
        foreach (var quote in library.Steps.SelectMany(s => s.Evidence.Quotes))
        {
            Assert.Contains(Normalise(quote), chapter, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plan_KoreaForJapan_FindsAcceptableRoadmap()
    {
        // Given the scenario's modes, a start at the status quo or else the weighted-mean forecast,
        // Japan as beneficiary and the step owners plus the allies Japan and the ROK as veto players
        var scenario = KoreaScenarioJson.Load();
        var library = StepLibraryReader.Load(LibraryPath, scenario);
        var start = RoadmapProblem.StartState(scenario, KoreaScenarioJson.WeightedMeanForecast(scenario));
        var veto = RoadmapProblem.DefaultVetoPlayers(library, ["japan", "rok"]);
        var problem = RoadmapProblem.FromScenario(scenario, library, start, "japan", veto);

        // When
        var result = RoadmapPlanner.Plan(problem);
        foreach (var stage in result.Stages)
        {
            output.WriteLine($"stage {stage.Number}: {string.Join(", ", stage.StepIds)} | {string.Join(" ", stage.Margins.Select(m => $"{m.ActorId}{(m.IsVetoPlayer ? "*" : "")}={m.Margin:+0.0000;-0.0000}"))}");
        }

        foreach (var e in result.Exclusions)
        {
            output.WriteLine($"out: {e.StepId} {e.Reason} {string.Join(",", e.Blockers.Select(b => $"{b.ActorId}{b.Margin:+0.0000;-0.0000}"))} gain {e.BeneficiaryGain:0.0000}");
        }

        output.WriteLine($"{result.Status} gain {result.BeneficiaryGain:0.0000}; {result.Search}");

        // Then: a roadmap that gains Japan something, every veto player's margin ≥ −ε at every stage (ε = 1e-9)
        Assert.Equal(["dprk", "japan", "rok", "usa"], result.VetoPlayers);
        Assert.Equal(RoadmapStatus.Found, result.Status);
        Assert.True(result.BeneficiaryGain > 0);
        Assert.All(result.Stages.SelectMany(s => s.Margins).Where(m => m.IsVetoPlayer), m => Assert.True(m.Margin >= -1e-9, $"{m.ActorId} {m.Margin}"));
        Assert.All(result.Stages, s => Assert.InRange(s.StepIds.Count, 1, problem.Options.MaxStepsPerPackage));
    }

    private static string Normalise(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
