using Parley.Formats.Embedded;
namespace Parley.Cli.Tests.Commands;

public sealed class OtherCommandsTests
{
    [Fact]
    public void Scenarios_ListsBothEmbeddedScenarios()
    {
        var result = CliRunner.Run("scenarios");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("korea-2025", result.Console, StringComparison.Ordinal);
        Assert.Contains("emission-standards-1994", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Default_ShowsRangesAndEvidence()
    {
        var result = CliRunner.Run("show", "--issue", "nuclear-end-state");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 / 3 / 12", result.Console, StringComparison.Ordinal);
        Assert.Contains("chapter+analyst", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmbeddedScenario_SaysValid()
    {
        var result = CliRunner.Run("validate", "emission-standards-1994");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("valid", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenFile_ExitCode2WithLocatedMessages()
    {
        // Given a scenario with a salience above 100 and an unknown actor
        var path = Path.Combine(Path.GetTempPath(), $"parley-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            id: broken
            name: Broken
            issues:
              - id: a
                name: A
            actors:
              - id: x
                name: X
            values:
              - actor: x
                issue: a
                position: 50
                salience: 150
                capability: 10
              - actor: ghost
                issue: a
                position: 50
                salience: 50
                capability: 10
            """);
        try
        {
            // When
            var result = CliRunner.Run("validate", path);

            // Then
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{path}:13:", result.Error, StringComparison.Ordinal);
            Assert.Contains("150", result.Error, StringComparison.Ordinal);
            Assert.Contains("ghost", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
