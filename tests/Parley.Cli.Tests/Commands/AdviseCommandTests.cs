using System.Text.Json;

namespace Parley.Cli.Tests.Commands;

public sealed class AdviseCommandTests
{
    private static readonly string[] KoreaIssues =
        ["nuclear-end-state", "deal-scope", "usfk-posture", "un-sanctions-monitoring", "japan-dprk-dialogue", "japan-rok-security-cooperation"];

    [Fact]
    public void Advise_JapanOnKorea_FourRecommendationsAndTenLevers()
    {
        // When (fewer draws than the default keeps the test quick; the structure does not depend on it)
        var result = CliRunner.Run("advise", "--actor", "japan", "--format", "json", "--draws", "200");

        // Then
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("japan", root.GetProperty("actor").GetString());
        Assert.Equal(["compromise", "median", "eum"], root.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(KoreaIssues, root.GetProperty("issues").EnumerateArray().Select(m => m.GetString()));

        var recs = root.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(["camp-david-implementation", "allied-roadmap", "japan-rok-acsa", "progressive-rok-outreach"], recs.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("progressive-rok", recs[3].GetProperty("evaluatedIn").GetString());
        foreach (var rec in recs)
        {
            // every issue × model, with an interval; untouched issues exactly 0
            var effects = rec.GetProperty("effects").EnumerateArray().ToList();
            Assert.Equal(KoreaIssues.Length * 3, effects.Count);
            foreach (var e in effects)
            {
                var change = e.GetProperty("change");
                Assert.True(change.GetProperty("p10").GetDouble() <= change.GetProperty("p90").GetDouble());
                if (!e.GetProperty("touched").GetBoolean())
                {
                    Assert.Equal(0.0, change.GetProperty("mean").GetDouble());
                    Assert.Equal(0.0, change.GetProperty("p10").GetDouble());
                    Assert.Equal(0.0, change.GetProperty("p90").GetDouble());
                }
            }

            Assert.Equal(3, rec.GetProperty("gains").GetArrayLength());
        }

        // japan-rok-acsa touches only japan-rok-security-cooperation
        var acsa = recs[2].GetProperty("effects").EnumerateArray().Where(e => e.GetProperty("touched").GetBoolean()).Select(e => e.GetProperty("issue").GetString()).Distinct();
        Assert.Equal(["japan-rok-security-cooperation"], acsa);

        var levers = root.GetProperty("levers").EnumerateArray().ToList();
        Assert.Equal(10, levers.Count);
        Assert.Equal(Enumerable.Range(1, 10), levers.Select(l => l.GetProperty("rank").GetInt32()));
        var scores = levers.Select(l => l.GetProperty("gainPerCost").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(levers, l => Assert.Equal(3, l.GetProperty("gains").GetArrayLength()));
    }

    [Fact]
    public void Advise_SameSeedOneThreadOrAll_IdenticalOutput()
    {
        var a = CliRunner.Run("advise", "--actor", "japan", "--format", "json", "--draws", "300", "--model", "compromise,median", "--seed", "7", "--threads", "1");
        var b = CliRunner.Run("advise", "--actor", "japan", "--format", "json", "--draws", "300", "--model", "compromise,median", "--seed", "7");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
    }

    [Fact]
    public void Advise_Table_ShowsRecommendationsAndLevers()
    {
        var result = CliRunner.Run("advise", "--actor", "japan", "--draws", "100", "--model", "compromise,median", "--top", "5", "--budget", "0.3");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("camp-david-implementation", result.Console, StringComparison.Ordinal);
        Assert.Contains("Unchanged (Δ = 0 exactly", result.Console, StringComparison.Ordinal);
        Assert.Contains("Top 5 levers", result.Console, StringComparison.Ordinal);
        Assert.Contains("budget 0.3", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_IssuesAndBudget_RespectedInJson()
    {
        var result = CliRunner.Run("advise", "--actor", "japan", "--format", "json", "--draws", "100", "--model", "median", "--issues", "deal-scope,nuclear-end-state", "--budget", "0.25");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(["nuclear-end-state", "deal-scope"], doc.RootElement.GetProperty("issues").EnumerateArray().Select(m => m.GetString()));
        foreach (var l in doc.RootElement.GetProperty("levers").EnumerateArray())
        {
            Assert.True(l.GetProperty("cost").GetDouble() <= 0.25);
            Assert.All(l.GetProperty("issues").EnumerateArray(), i => Assert.Contains(i.GetString(), new[] { "nuclear-end-state", "deal-scope" }));
        }
    }

    [Theory]
    [InlineData("--actor", "ghost")]
    [InlineData("--actor", "japan", "--issues", "nowhere")]
    [InlineData("--actor", "japan", "--budget", "0")]
    [InlineData("--actor", "japan", "--top", "0")]
    [InlineData("--draws", "100")]
    public void Advise_BadInput_ExitCode2(params string[] args)
    {
        var result = CliRunner.Run(["advise", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
    }
}
