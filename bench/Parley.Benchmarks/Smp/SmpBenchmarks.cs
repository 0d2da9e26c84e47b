using BenchmarkDotNet.Attributes;
using Parley.Core.Models.Smp;
using Parley.Formats.Ktab;

namespace Parley.Benchmarks.Smp;

/// <summary>
/// Full SMP runs on KTAB's scaling series (40/80/160 actors, one dimension; KTAB needs about 963 s for a160).
/// The inputs are read from shared/data/ktab/inputs beside the repository, or from $PARLEY_SHARED.
/// </summary>
[MemoryDiagnoser]
public class SmpBenchmarks
{
    private SmpInput _input = null!;
    private readonly SmpModel _model = new();

    [Params("dummyData-a040", "dummyData-a080", "dummyData-a160")]
    public string Scenario { get; set; } = "dummyData-a040";

    [GlobalSetup]
    public void Setup() => _input = KtabCsvReader.Load(Path.Combine(SharedRoot(), "data", "ktab", "inputs", Scenario + ".csv")).ToSmpInput();

    [Benchmark]
    public int Run() => _model.Run(_input).Steps;

    private static string SharedRoot()
    {
        var env = Environment.GetEnvironmentVariable("PARLEY_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return Path.Combine(dir.FullName, "..", "shared");
            }
        }

        throw new InvalidOperationException("shared/ not found; set PARLEY_SHARED.");
    }
}
