using BenchmarkDotNet.Attributes;
using Parley.Core.Models;
using Parley.Core.Models.Compromise;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using Parley.Formats;

namespace Parley.Benchmarks.MonteCarlo;

/// <summary>
/// Monte Carlo engine cost on the 10-actor emission-standards game with ranges
/// (../shared/data/emission-standards-widened.csv, declared scale 4–10) with the compromise model, whose solve is so
/// cheap that the engine's own cost (sampling, statistics) shows.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private readonly IIssueModel[] _models = [new CompromiseModel()];
    private Scenario _scenario = null!;
    private IssueSampler _sampler = null!;
    private IssueInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.LoadFile(ModelMonteCarloBenchmarks.SharedFile("data", "emission-standards-widened.csv"), new ScenarioLoadOptions { Scale = (4, 10) });
        _sampler = new IssueSampler(_scenario, "issue");
        _input = _sampler.CreateInput();
    }

    /// <summary>10,000 draws, triangular, all cores.</summary>
    [Benchmark(Baseline = true)]
    public double Draws10k_Triangular() => Run(10_000, SamplingDistribution.Triangular, null);

    /// <summary>10,000 draws, triangular, one thread.</summary>
    [Benchmark]
    public double Draws10k_Triangular_1Thread() => Run(10_000, SamplingDistribution.Triangular, 1);

    /// <summary>10,000 draws, PERT (two gamma draws per value), all cores.</summary>
    [Benchmark]
    public double Draws10k_Pert() => Run(10_000, SamplingDistribution.Pert, null);

    /// <summary>1,000,000 draws, triangular, all cores.</summary>
    [Benchmark]
    public double Draws1M_Triangular() => Run(1_000_000, SamplingDistribution.Triangular, null);

    /// <summary>Sampling alone: filling one draw of 30 values (10 actors × 3), no model, no statistics.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public double FillOnly_PerDraw()
    {
        for (var d = 0; d < 10_000; d++)
        {
            _sampler.Fill(_input, 1, d, SamplingDistribution.Triangular);
        }

        return _input.Positions[0];
    }

    private double Run(int draws, SamplingDistribution distribution, int? dop)
    {
        var engine = new MonteCarloEngine(new MonteCarloOptions { Draws = draws, Distribution = distribution, MaxDegreeOfParallelism = dop });
        return engine.Run(_scenario, _models).Outcomes[0].Distribution.Mean;
    }
}
