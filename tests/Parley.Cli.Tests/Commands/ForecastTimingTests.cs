using System.Diagnostics;

namespace Parley.Cli.Tests.Commands;

/// <summary>Runs alone (no other test in parallel), so that the process's CPU time is this test's own.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;

[Collection(nameof(TimingCollection))]
public sealed class ForecastTimingTests
{
    [Fact]
    public void Forecast_EmbeddedDefault_UnderTwoSecondsOfProcessTime()
    {
        // Given a warm JIT (a real run is a fresh process, whose start-up is measured in README.md with the Release build)
        CliRunner.Run("forecast", "--format", "json");

        // When the default command runs: all six issues, every model, the default Monte Carlo spread, stored
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var result = CliRunner.Run("forecast");
        var used = Process.GetCurrentProcess().TotalProcessorTime - before;

        // Then it takes well under the 2 s of process time the issue allows, even in a Debug build
        Assert.Equal(0, result.ExitCode);
        Assert.True(used < TimeSpan.FromSeconds(2), $"forecast used {used.TotalMilliseconds:0} ms of CPU");
    }
}
