using BenchmarkDotNet.Attributes;
using Parley.Core.Models;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;

namespace Parley.Benchmarks.MonteCarlo;

/// <summary>
/// Monte Carlo engine cost on the 10-actor emission-standards game with ranges
/// (shared/data/emission-standards-widened.csv, numbers copied below), with a compromise-style weighted-mean model
/// standing in for the real models until they are wired in.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private readonly IIssueModel[] _models = [new BenchWeightedMeanModel()];
    private Scenario _scenario = null!;
    private IssueSampler _sampler = null!;
    private IssueInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = EmissionStandards.Widened();
        _sampler = new IssueSampler(_scenario, "emissions");
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

/// <summary>Capability × salience weighted mean of the positions: the compromise model's arithmetic.</summary>
internal sealed class BenchWeightedMeanModel : IIssueModel
{
    public string Id => "weighted-mean";

    public IssueForecast Run(IssueInput input) => new(Id, Solve(input), []);

    public IIssueSolver CreateSolver(int maxActors) => new Solver();

    private static double Solve(IssueInput input)
    {
        double num = 0, den = 0;
        for (var k = 0; k < input.Count; k++)
        {
            var w = input.Capabilities[k] * input.Saliences[k];
            num += w * input.Positions[k];
            den += w;
        }

        return den > 0 ? num / den : (input.ScaleLow + input.ScaleHigh) / 2;
    }

    private sealed class Solver : IIssueSolver
    {
        public double Solve(IssueInput input) => BenchWeightedMeanModel.Solve(input);
    }
}

/// <summary>The widened emission-standards game (shared/data/emission-standards-widened.csv) on a 0–10 scale.</summary>
internal static class EmissionStandards
{
    // actor, position low/mode/high, salience low/mode/high, capability low/mode/high
    private static readonly (string Actor, double[] V)[] Rows =
    [
        ("Netherlands", [4, 4, 5, 65, 80, 95, 0.06, 0.08, 0.1]),
        ("Belgium", [6, 7, 8, 25, 40, 55, 0.06, 0.08, 0.1]),
        ("Luxembourg", [4, 4, 5, 5, 20, 35, 0.0225, 0.03, 0.0375]),
        ("Germany", [4, 4, 5, 65, 80, 95, 0.12, 0.16, 0.2]),
        ("France", [9, 10, 10, 45, 60, 75, 0.12, 0.16, 0.2]),
        ("Italy", [9, 10, 10, 45, 60, 75, 0.12, 0.16, 0.2]),
        ("UK", [9, 10, 10, 75, 90, 100, 0.12, 0.16, 0.2]),
        ("Ireland", [6, 7, 8, 0, 10, 25, 0.0375, 0.05, 0.0625]),
        ("Denmark", [4, 4, 5, 85, 100, 100, 0.0375, 0.05, 0.0625]),
        ("Greece", [6, 7, 8, 55, 70, 85, 0.06, 0.08, 0.1]),
    ];

    public static Scenario Widened()
    {
        var issue = new Issue("emissions", "Emission standards", null, 0, 10, true, [], null, null, Evidence.None);
        var actors = Rows.Select(r => new Actor(r.Actor, r.Actor, null, Evidence.None)).ToList();
        var values = Rows.Select(r => new ActorIssueValue(
            r.Actor,
            "emissions",
            new Estimate(r.V[0], r.V[1], r.V[2]),
            new Estimate(r.V[3], r.V[4], r.V[5]),
            new Estimate(r.V[6], r.V[7], r.V[8]),
            Evidence.None)).ToList();
        return new Scenario("emission-standards", "Emission standards", ScenarioMetadata.Empty, [issue], actors, values);
    }
}
