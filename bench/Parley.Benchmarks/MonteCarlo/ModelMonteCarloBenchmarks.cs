using BenchmarkDotNet.Attributes;
using Parley.Core.Models;
using Parley.Core.Models.Eum;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Formats;

namespace Parley.Benchmarks.MonteCarlo;

/// <summary>
/// Monte Carlo with the eum model on the widened emission-standards game
/// (../shared/data/emission-standards-widened.csv, read from disk, declared scale 4–10 years): the target is
/// 10,000 eum draws in at most 0.1 s on 2 cores. The compromise draws are in <see cref="MonteCarloBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class ModelMonteCarloBenchmarks
{
    private Scenario _scenario = null!;
    private readonly IIssueModel[] _eum = [new EumModel(new EumOptions { Rounds = 8 })];

    [GlobalSetup]
    public void Setup() => _scenario = ScenarioLoader.LoadFile(SharedFile("data", "emission-standards-widened.csv"), new ScenarioLoadOptions { Scale = (4, 10) });

    /// <summary>10,000 eum draws (8 rounds each), triangular, all cores.</summary>
    [Benchmark]
    public double Eum_10k() => Run(_eum, 10_000, threads: null);

    /// <summary>The same on one core: the CPU time the run costs, whatever the number of cores.</summary>
    [Benchmark]
    public double Eum_10k_1Thread() => Run(_eum, 10_000, threads: 1);

    private double Run(IIssueModel[] models, int draws, int? threads) =>
        new MonteCarloEngine(new MonteCarloOptions { Draws = draws, Seed = 1, MaxDegreeOfParallelism = threads }).Run(_scenario, models).Outcomes[0].Distribution.Mean;

    /// <summary>A file under ../shared beside the repository root (or $PARLEY_SHARED).</summary>
    internal static string SharedFile(params string[] parts)
    {
        var env = Environment.GetEnvironmentVariable("PARLEY_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine([env, .. parts]);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir?.Parent?.FullName ?? ".", "shared", .. parts]);
    }
}
