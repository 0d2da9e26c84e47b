namespace Parley.Cli.Tests.Commands;

/// <summary>Runs alone: report runs simulate for seconds on every core, and other tests here measure the process's CPU time.</summary>
[CollectionDefinition(nameof(ReportCommandTests), DisableParallelization = true)]
public sealed class ReportCommandCollection;

[Collection(nameof(ReportCommandTests))]
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Report_Default_WritesSelfContainedHtmlAndPngs()
    {
        // Given the embedded Korea scenario, When report runs with an output file and a PNG folder
        var html = Path.Combine(_dir, "korea.html");
        var png = Path.Combine(_dir, "png");
        var result = CliRunner.Run("report", "-o", html, "--png", png, "--draws", "300");

        // Then it succeeds, writes one HTML file with every issue and 36 PNGs
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("korea.html", result.Console, StringComparison.Ordinal);
        var text = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        Assert.Contains("id=\"actor-map-nuclear-end-state\"", text, StringComparison.Ordinal);
        Assert.Contains("id=\"variants-japan-rok-security-cooperation\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", text, StringComparison.Ordinal);
        Assert.Equal(36, Directory.GetFiles(png, "*.png").Length);
    }

    [Fact]
    public void Report_Default_HasClaimsForEveryPredictionAndTheRoadmap()
    {
        // Given the embedded Korea scenario (15 predictions, an embedded step library)
        var html = Path.Combine(_dir, "analysis.html");

        // When the report is written
        var result = CliRunner.Run("report", "-o", html, "--draws", "200", "--variants", "none");

        // Then the analysis part lists every prediction and the roadmap's stages
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(html);
        Assert.Contains("id=\"claims-table\"", text, StringComparison.Ordinal);
        Assert.Contains("id=\"roadmap-table\"", text, StringComparison.Ordinal);
        Assert.Contains("id=\"advice-recommendations\"", text, StringComparison.Ordinal);
        Assert.Contains("id=\"advice-levers\"", text, StringComparison.Ordinal);
        foreach (var id in new[] { "no-ready-denuclearization", "kim-course-unchanged", "dual-track", "allied-leverage", "japan-rok-2025-milestone" })
        {
            Assert.Contains($"<strong>{id}</strong>", text, StringComparison.Ordinal);
        }

        Assert.Contains("Official Japan-DPRK government talks", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TwiceWithSameSeed_ByteIdentical()
    {
        var a = CliRunner.Run("report", "--output=-", "--draws", "200", "--seed", "7");
        var b = CliRunner.Run("report", "--output=-", "--draws", "200", "--seed", "7");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        Assert.Contains("seed 7", a.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Variant_ReportsOnIt()
    {
        var result = CliRunner.Run("report", "--output=-", "--draws", "100", "--variant", "progressive-rok", "--date", "2025-02-01");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("progressive-rok", result.Out, StringComparison.Ordinal);
        Assert.Contains("<dt>Generated</dt><dd>2025-02-01</dd>", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--variant", "nope")]
    [InlineData("--variants", "nope")]
    [InlineData("--draws", "0")]
    [InlineData("--model", "oracle")]
    public void Report_BadInput_ExitsTwo(string option, string value)
    {
        var result = CliRunner.Run("report", "--output=-", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error", result.Error, StringComparison.Ordinal);
    }
}
