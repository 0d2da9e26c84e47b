using Parley.Core.Models;
using Parley.Core.Scenarios;
using Parley.Core.Uncertainty;
using static Parley.Core.Tests.Uncertainty.TestScenarios;

namespace Parley.Core.Tests.Uncertainty;

public class MonteCarloEngineTests
{
    private static readonly IIssueModel[] Models = [new WeightedMeanModel(), new FirstPositionModel()];

    [Fact]
    public void Run_SameSeed_BitIdenticalWithOneThreadAndAllCores()
    {
        // Given the widened emission-standards game, with enough draws for several chunks per worker
        var scenario = EmissionStandardsWidened();
        var options = new MonteCarloOptions { Draws = 5000, Seed = 42 };

        foreach (var distribution in new[] { SamplingDistribution.Triangular, SamplingDistribution.Pert })
        {
            // When
            var serial = new MonteCarloEngine(options with { MaxDegreeOfParallelism = 1, Distribution = distribution }).Run(scenario, Models);
            var parallel = new MonteCarloEngine(options with { MaxDegreeOfParallelism = null, Distribution = distribution }).Run(scenario, Models);
            var four = new MonteCarloEngine(options with { MaxDegreeOfParallelism = 4, Distribution = distribution }).Run(scenario, Models);

            // Then every draw is bitwise equal (exact comparison of the IEEE bits, no tolerance)
            for (var k = 0; k < serial.Outcomes.Count; k++)
            {
                var a = serial.Outcomes[k].Distribution;
                Assert.True(a.Draws.SequenceEqual(parallel.Outcomes[k].Distribution.Draws));
                Assert.True(a.Draws.SequenceEqual(four.Outcomes[k].Distribution.Draws));
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.Mean), BitConverter.DoubleToInt64Bits(parallel.Outcomes[k].Distribution.Mean));
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.P10), BitConverter.DoubleToInt64Bits(parallel.Outcomes[k].Distribution.P10));
            }
        }
    }

    [Fact]
    public void Run_DifferentSeed_DifferentDraws()
    {
        var scenario = EmissionStandardsWidened();
        var a = new MonteCarloEngine(new MonteCarloOptions { Draws = 100, Seed = 1 }).Run(scenario, Models);
        var b = new MonteCarloEngine(new MonteCarloOptions { Draws = 100, Seed = 2 }).Run(scenario, Models);
        Assert.False(a.Outcomes[0].Distribution.Draws.SequenceEqual(b.Outcomes[0].Distribution.Draws));
    }

    [Fact]
    public void Run_PrefixOfDraws_DoesNotDependOnDrawCount()
    {
        // Draw d depends only on (seed, d): the first 1000 draws of a 3000-draw run equal a 1000-draw run (exact).
        var scenario = EmissionStandardsWidened();
        var shortRun = new MonteCarloEngine(new MonteCarloOptions { Draws = 1000, Seed = 7 }).Run(scenario, Models);
        var longRun = new MonteCarloEngine(new MonteCarloOptions { Draws = 3000, Seed = 7 }).Run(scenario, Models);
        Assert.True(shortRun.Outcomes[0].Distribution.Draws.SequenceEqual(longRun.Outcomes[0].Distribution.Draws[..1000]));
    }

    [Fact]
    public void Run_TriangularPosition_QuantilesMatchAnalyticInverseCdf()
    {
        // Given one actor with position triangular(0, 50, 100); the first-position model returns it unchanged.
        // Analytic: F(x) = x² / 5000 on [0, 50], so p10 = √500 = 22.36, p50 = 50, p90 = 100 − √500 = 77.64; mean 50.
        var scenario = Build([Issue("i")], [Value("a", "i", E(0, 50, 100), P(50), P(1))]);
        var options = new MonteCarloOptions { Draws = 100_000, Seed = 3, Thresholds = [50], Quantiles = [0.25] };

        // When
        var outcome = new MonteCarloEngine(options).Run(scenario, [new FirstPositionModel()]).Outcomes.Single();

        // Then: with N = 100,000 the sampling error of a quantile here is about 0.1 (density ≥ 0.004 at these points);
        // tolerance 0.5 is > 4 standard errors. Mean: sd 20.4 / √N = 0.065; tolerance 0.3.
        var d = outcome.Distribution;
        Assert.Equal(50, outcome.Deterministic, 1e-12);
        Assert.Equal(100_000, d.Count);
        Assert.Equal(3UL, d.Seed);
        Assert.Equal(Math.Sqrt(500), d.P10, 0.5);
        Assert.Equal(50, d.P50, 0.5);
        Assert.Equal(100 - Math.Sqrt(500), d.P90, 0.5);
        Assert.Equal(50, d.Mean, 0.3);
        Assert.Equal(Math.Sqrt(5000.0 * 0.25), d.Quantiles.Single().Value, 0.5);
        Assert.Equal(0.5, d.Thresholds.Single().AtLeast, 0.01);
        Assert.Equal(0.5, d.Thresholds.Single().AtMost, 0.01);
        Assert.Equal(20, d.Histogram.BinCount);
        Assert.Equal(100_000, d.Histogram.Counts.Sum());
        Assert.InRange(d.Min, 0, 100);
        Assert.InRange(d.Max, 0, 100);
    }

    [Fact]
    public void Run_PointScenario_EveryDrawEqualsDeterministic()
    {
        var scenario = Build([Issue("i")], [Value("a", "i", P(20), P(50), P(1)), Value("b", "i", P(80), P(100), P(1))]);
        var outcome = new MonteCarloEngine(new MonteCarloOptions { Draws = 50 }).Run(scenario, [new WeightedMeanModel()]).Outcomes.Single();

        // 20·50 + 80·100 over 150 = 60; tolerance 1e-12
        Assert.Equal(60, outcome.Deterministic, 1e-12);
        foreach (var v in outcome.Distribution.Draws)
        {
            Assert.Equal(outcome.Deterministic, v);
        }

        Assert.Equal(0, outcome.Distribution.StandardDeviation);
    }

    [Fact]
    public void Run_IssueWithoutActors_IsSkipped()
    {
        var scenario = Build([Issue("i"), Issue("empty")], [Value("a", "i", P(20), P(50), P(1))]);
        var forecast = new MonteCarloEngine(new MonteCarloOptions { Draws = 10 }).Run(scenario, [new WeightedMeanModel()]);
        Assert.Equal(["i"], forecast.Outcomes.Select(o => o.IssueId));
    }

    [Fact]
    public void Run_Progress_ReachesOne()
    {
        var progress = new RecordingProgress();
        new MonteCarloEngine(new MonteCarloOptions { Draws = 5000 }).Run(EmissionStandardsWidened(), Models, progress);
        Assert.NotEmpty(progress.Values);
        Assert.Equal(1.0, progress.Values[^1]);
        Assert.All(progress.Values, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new MonteCarloEngine(new MonteCarloOptions()).Run(EmissionStandardsWidened(), Models, null, cts.Token));
    }

    [Fact]
    public void WorkerRun_Warm_AllocatesNothingPerDraw()
    {
        // Given a warm worker on the 10-actor game with both distributions (PERT exercises the rejection loops)
        var sampler = new IssueSampler(EmissionStandardsWidened(), "emissions");
        var results = new[] { new double[11_000], new double[11_000] };
        foreach (var distribution in new[] { SamplingDistribution.Triangular, SamplingDistribution.Pert })
        {
            var worker = new MonteCarloWorker(sampler, Models, 1, distribution);
            worker.Run(0, 1000, results);

            // When 10,000 draws run, three times over: the runtime itself may allocate once while it re-compiles a hot
            // method (tiered compilation), but an allocation per draw would show in every pass (≥ 10,000 bytes each)
            var allocated = Allocation.Fewest(() => worker.Run(1000, 11_000, results));

            // Then: exactly zero bytes for 10,000 draws in a warm pass
            Assert.Equal(0, allocated);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_BadDraws_Throws(int draws)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloEngine(new MonteCarloOptions { Draws = draws }));
        Assert.Contains(draws.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Constructor_BadQuantile_Throws(double q)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloEngine(new MonteCarloOptions { Quantiles = [q] }));
    }

    [Fact]
    public void Constructor_BadParallelism_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloEngine(new MonteCarloOptions { MaxDegreeOfParallelism = 0 }));
    }
}
