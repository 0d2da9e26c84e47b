using System.Diagnostics;
using System.Text.Json;
using Parley.Testing;

namespace Parley.Cli.Tests.Commands;

public sealed class ForecastCommandTests
{
    private static readonly string[] KoreaIssues =
        ["nuclear-end-state", "deal-scope", "usfk-posture", "un-sanctions-monitoring", "japan-dprk-dialogue", "japan-rok-security-cooperation"];

    [Fact]
    public void Forecast_NoArguments_PrintsAllSixIssuesForEveryModel()
    {
        // When
        var result = CliRunner.Run("forecast");

        // Then
        Assert.Equal(0, result.ExitCode);
        foreach (var id in KoreaIssues)
        {
            Assert.Contains(id, result.Console, StringComparison.Ordinal);
        }

        foreach (var model in new[] { "compromise", "median", "eum", "smp", "exchange" })
        {
            Assert.Equal(KoreaIssues.Length, CountOccurrences(result.Console, "│ " + model));
        }

        Assert.Contains("between \"", result.Console, StringComparison.Ordinal);
    }

    private const int ForecastDraws = Parley.Cli.Commands.ForecastCommand.DefaultDraws;

    [Fact]
    public void Forecast_JsonFormat_FollowsContract()
    {
        // When
        var result = CliRunner.Run("forecast", "--format", "json");

        // Then
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("korea-2025", root.GetProperty("scenario").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("variant").ValueKind);
        var issues = root.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(KoreaIssues, issues.Select(i => i.GetProperty("id").GetString()));
        foreach (var issue in issues)
        {
            var forecasts = issue.GetProperty("forecasts").EnumerateArray().ToList();
            Assert.Equal(["compromise", "median", "eum", "smp", "exchange"], forecasts.Select(f => f.GetProperty("model").GetString()));
            foreach (var f in forecasts)
            {
                var value = f.GetProperty("value").GetDouble();
                Assert.InRange(value, 0, 100);
                if (f.GetProperty("model").GetString() is "compromise" or "median" or "eum")
                {
                    var d = f.GetProperty("distribution");
                    Assert.Equal(ForecastDraws, d.GetProperty("draws").GetInt32());
                    Assert.Equal(1, d.GetProperty("seed").GetInt32());
                    Assert.InRange(d.GetProperty("p10").GetDouble(), 0, d.GetProperty("p90").GetDouble());
                    Assert.Equal(d.GetProperty("histogram").GetProperty("edges").GetArrayLength(), d.GetProperty("histogram").GetProperty("counts").GetArrayLength() + 1);
                    Assert.Equal(ForecastDraws, d.GetProperty("histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
                }
                var rounds = f.GetProperty("rounds").EnumerateArray().ToList();
                Assert.NotEmpty(rounds);
                Assert.Equal(0, rounds[0].GetProperty("round").GetInt32());
                foreach (var r in rounds)
                {
                    Assert.Equal(JsonValueKind.Number, r.GetProperty("median").ValueKind);
                    Assert.Equal(JsonValueKind.Number, r.GetProperty("mean").ValueKind);
                    Assert.Equal(6, r.GetProperty("positions").EnumerateObject().Count());
                }
            }
        }
    }

    [Fact]
    public void Forecast_EmissionStandardsCsvEum_LastRoundMedianIsTheValue()
    {
        // Given the published test case as flat CSV on the declared 4–10 scale
        var csv = SharedData.File("data", "emission-standards.csv");

        // When
        var result = CliRunner.Run("forecast", csv, "--model", "eum", "--rounds", "8", "--scale", "4,10", "--format", "json");

        // Then: one issue called "issue"; 9 rounds (0..8); value = round-8 median; round 1 median 8.416 (spec §9, ±1e-3)
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var issue = doc.RootElement.GetProperty("issues")[0];
        Assert.Equal("issue", issue.GetProperty("id").GetString());
        var eum = issue.GetProperty("forecasts")[0];
        var rounds = eum.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(9, rounds.Count);
        Assert.Equal(rounds[8].GetProperty("median").GetDouble(), eum.GetProperty("value").GetDouble());
        Assert.Equal(8.416, rounds[1].GetProperty("median").GetDouble(), 0.001);
        Assert.Equal(7.0, rounds[0].GetProperty("median").GetDouble(), 1e-12);
    }

    [Fact]
    public void Forecast_SameArguments_SameBytes()
    {
        var a = CliRunner.Run("forecast", "--format", "json");
        var b = CliRunner.Run("forecast", "--format", "json");
        Assert.Equal(a.Out, b.Out);
    }

    [Fact]
    public void Forecast_Variant_ReportsVariantId()
    {
        var result = CliRunner.Run("forecast", "--variant", "progressive-rok", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("progressive-rok", doc.RootElement.GetProperty("variant").GetString());
    }

    [Fact]
    public void Forecast_UnknownVariant_ExitCode2ListsKnownVariants()
    {
        var result = CliRunner.Run("forecast", "--variant", "nope");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'nope'", result.Error, StringComparison.Ordinal);
        Assert.Contains("progressive-rok", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--model", "magic", "Unknown model 'magic'")]
    [InlineData("--rounds", "0", "--rounds 0 is out of range")]
    [InlineData("--q", "1.5", "--q 1.5 is out of range")]
    [InlineData("--format", "xml", "--format 'xml' is not known")]
    [InlineData("--scale", "10,4", "HI (4) must be greater than LO (10)")]
    public void Forecast_BadOption_ExitCode2WithMessage(string option, string value, string expected)
    {
        var result = CliRunner.Run("forecast", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_MissingFile_ExitCode2NamesTheFile()
    {
        var result = CliRunner.Run("forecast", "no-such-file.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-file.yaml", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
