using System.Diagnostics;

namespace Parley.Formats.Tests;

/// <summary>Runs alone (no other test in parallel), so that the process's CPU time is the loader's own.</summary>
[CollectionDefinition(nameof(LoaderTimingCollection), DisableParallelization = true)]
public sealed class LoaderTimingCollection;

[Collection(nameof(LoaderTimingCollection))]
public sealed class ScenarioLoaderTimingTests
{
    [Fact]
    public void LoadFile_KoreaYamlWarm_TakesWellUnder100MillisecondsOfCpu()
    {
        // Given a warmed-up loader
        ScenarioLoader.LoadFile(Paths.KoreaYaml);

        // When the Korea YAML is loaded ten times
        // (process CPU time rather than wall time: the shared build machine runs many jobs per core, which
        // stretches wall time but not the CPU a load needs)
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var k = 0; k < 10; k++)
        {
            ScenarioLoader.LoadFile(Paths.KoreaYaml);
        }

        process.Refresh();
        var perLoad = (process.TotalProcessorTime - before).TotalMilliseconds / 10;

        // Then one load needs under 100 ms of CPU (bound, not a benchmark; includes any parallel test threads)
        Assert.True(perLoad < 100, $"average {perLoad:0.0} ms CPU per load");
    }
}
