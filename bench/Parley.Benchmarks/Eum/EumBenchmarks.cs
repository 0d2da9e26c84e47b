using BenchmarkDotNet.Attributes;
using Parley.Core.Models;
using Parley.Core.Models.Eum;

namespace Parley.Benchmarks.Eum;

/// <summary>One warm EUM solve: the published emission-standards case and random issues of growing size.</summary>
[MemoryDiagnoser]
public class EumBenchmarks
{
    private IIssueSolver _emissionSolver = null!;
    private IssueInput _emission = null!;
    private IIssueSolver _randomSolver = null!;
    private IssueInput _random = null!;

    /// <summary>Actor count of the random issue.</summary>
    [Params(10, 50, 200, 1000)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // BDM (1994) Table 1, as in shared/data/emission-standards.csv; copied so the benchmark needs no files.
        string[] ids = ["Netherlands", "Belgium", "Luxembourg", "Germany", "France", "Italy", "UK", "Ireland", "Denmark", "Greece"];
        double[] x = [4, 7, 4, 4, 10, 10, 10, 7, 4, 7];
        double[] s = [80, 40, 20, 80, 60, 60, 90, 10, 100, 70];
        double[] c = [0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08];
        _emission = IssueInput.CreateOnPositionRange(ids, x, s, c);
        _emissionSolver = new EumModel(new EumOptions { Rounds = 8 }).CreateSolver(ids.Length);

        _random = RandomIssue(Actors, seed: 20110101);
        _randomSolver = new EumModel(new EumOptions { Rounds = 10 }).CreateSolver(Actors);
    }

    [Benchmark]
    public double EmissionStandards8Rounds() => _emissionSolver.Solve(_emission);

    [Benchmark]
    public double Random10Rounds() => _randomSolver.Solve(_random);

    internal static IssueInput RandomIssue(int n, int seed)
    {
        var rng = new Random(seed);
        var ids = new string[n];
        double[] x = new double[n], s = new double[n], c = new double[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = $"a{i}";
            x[i] = Math.Round(rng.NextDouble() * 100, 1);
            s[i] = rng.NextDouble() * 100;
            c[i] = rng.NextDouble();
        }

        return IssueInput.Create(ids, x, s, c, 0, 100);
    }
}
