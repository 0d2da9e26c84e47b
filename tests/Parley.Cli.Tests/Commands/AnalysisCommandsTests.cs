using System.Text.Json;

namespace Parley.Cli.Tests.Commands;

public sealed class AnalysisCommandsTests
{
    [Fact]
    public void Compare_AllVariants_JsonHasEveryVariantIssueAndModel()
    {
        var result = CliRunner.Run("compare", "--draws", "400", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var variants = doc.RootElement.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(6, variants.Count); // korea-2025 has 7 variants, one of which is the (empty) baseline
        foreach (var v in variants)
        {
            var diffs = v.GetProperty("differences").EnumerateArray().ToList();
            Assert.Equal(6 * 3, diffs.Count);
            foreach (var d in diffs)
            {
                Assert.True(d.GetProperty("p10").GetDouble() <= d.GetProperty("p90").GetDouble());
                Assert.InRange(d.GetProperty("pPositive").GetDouble(), 0, 1);
            }
        }
    }

    [Fact]
    public void Compare_SameSeed_SameBytesWithOneThreadAndAll()
    {
        var one = CliRunner.Run("compare", "--variants", "progressive-rok", "--draws", "300", "--threads", "1", "--format", "json");
        var all = CliRunner.Run("compare", "--variants", "progressive-rok", "--draws", "300", "--format", "json");
        Assert.Equal(one.Out, all.Out);
    }

    [Fact]
    public void Forecast_SameSeed_SameBytesWithOneThreadAndAll()
    {
        var one = CliRunner.Run("forecast", "--draws", "700", "--seed", "9", "--threads", "1", "--no-store", "--format", "json");
        var all = CliRunner.Run("forecast", "--draws", "700", "--seed", "9", "--no-store", "--format", "json");
        Assert.Equal(one.Out, all.Out);
    }

    [Fact]
    public void Compare_UnknownVariant_ExitCode2()
    {
        var result = CliRunner.Run("compare", "--variants", "nope");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'nope'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_OneIssue_TornadoAndSobolForEachModel()
    {
        var result = CliRunner.Run("sensitivity", "--issue", "deal-scope", "--samples", "256", "--bootstrap", "20", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var analyses = doc.RootElement.GetProperty("analyses").EnumerateArray().ToList();
        Assert.Equal(["compromise", "median", "eum"], analyses.Select(a => a.GetProperty("model").GetString()));
        foreach (var a in analyses)
        {
            // 6 actors × 3 ranged fields on deal-scope
            Assert.Equal(18, a.GetProperty("tornado").GetArrayLength());
            Assert.Equal(18, a.GetProperty("sobol").GetArrayLength());
            var swings = a.GetProperty("tornado").EnumerateArray().Select(b => b.GetProperty("swing").GetDouble()).ToList();
            Assert.Equal(swings.OrderByDescending(x => x), swings);
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("summary").GetString()));
        }
    }

    [Fact]
    public void Check_EmbeddedScenario_VerdictForEveryPredictionUnderEveryModel()
    {
        var result = CliRunner.Run("check", "--draws", "300", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var claims = doc.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(15, claims.Count);
        foreach (var c in claims)
        {
            var verdicts = c.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("model").GetString()).ToList();
            Assert.True(verdicts.SequenceEqual(["inputs"]) || verdicts.SequenceEqual(["compromise", "median", "eum"]), string.Join(",", verdicts));
        }

        var first = claims.Single(c => c.GetProperty("id").GetString() == "no-ready-denuclearization");
        Assert.All(first.GetProperty("verdicts").EnumerateArray(), v => Assert.Equal(JsonValueKind.Number, v.GetProperty("probability").ValueKind));
        var qualitative = claims.Single(c => c.GetProperty("id").GetString() == "dual-track");
        Assert.Equal("not-checkable", qualitative.GetProperty("verdicts")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public void Roadmap_EmbeddedScenario_FindsAcceptableStages()
    {
        var result = CliRunner.Run("roadmap", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("japan", root.GetProperty("beneficiary").GetString());
        Assert.Equal(["dprk", "japan", "rok", "usa"], root.GetProperty("vetoPlayers").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("found", root.GetProperty("status").GetString());
        foreach (var stage in root.GetProperty("stages").EnumerateArray())
        {
            foreach (var veto in new[] { "dprk", "japan", "rok", "usa" })
            {
                Assert.True(stage.GetProperty("margins").GetProperty(veto).GetDouble() >= -1e-9);
            }
        }

        Assert.True(root.GetProperty("beneficiaryGain").GetDouble() > 0);
    }

    [Fact]
    public void Roadmap_UnknownBeneficiary_ExitCode2()
    {
        var result = CliRunner.Run("roadmap", "--beneficiary", "atlantis");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("atlantis", result.Error, StringComparison.Ordinal);
    }
}
