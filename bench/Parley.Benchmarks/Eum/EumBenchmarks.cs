using BenchmarkDotNet.Attributes;
using Parley.Core.Models;
using Parley.Core.Models.Eum;

namespace Parley.Benchmarks.Eum;

/// <summary>One warm EUM solve of the published emission-standards case (BDM 1994; Q = 1, 8 rounds, L = 6).</summary>
[MemoryDiagnoser]
public class EumEmissionBenchmark
{
    private IIssueSolver _solver = null!;
    private IssueInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        // shared/data/emission-standards.csv, copied so the benchmark needs no files.
        string[] ids = ["Netherlands", "Belgium", "Luxembourg", "Germany", "France", "Italy", "UK", "Ireland", "Denmark", "Greece"];
        double[] x = [4, 7, 4, 4, 10, 10, 10, 7, 4, 7];
        double[] s = [80, 40, 20, 80, 60, 60, 90, 10, 100, 70];
        double[] c = [0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08];
        _input = IssueInput.CreateOnPositionRange(ids, x, s, c);
        _solver = new EumModel(new EumOptions { Rounds = 8 }).CreateSolver(ids.Length);
    }

    [Benchmark]
    public double EmissionStandards8Rounds() => _solver.Solve(_input);
}

/// <summary>One warm 10-round EUM solve of a random issue (fixed seed) of growing size, for the growth exponent.</summary>
[MemoryDiagnoser]
public class EumScalingBenchmarks
{
    private IIssueSolver _solver = null!;
    private IssueInput _input = null!;

    /// <summary>Actor count.</summary>
    [Params(10, 50, 200, 1000)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = RandomIssue(Actors, seed: 20110101);
        _solver = new EumModel(new EumOptions { Rounds = 10 }).CreateSolver(Actors);
    }

    [Benchmark]
    public double Random10Rounds() => _solver.Solve(_input);

    // Positions on a 0.1 grid of 0–100 (so actors can share positions), salience U(0,100), capability U(0,1).
    private static IssueInput RandomIssue(int n, int seed)
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
