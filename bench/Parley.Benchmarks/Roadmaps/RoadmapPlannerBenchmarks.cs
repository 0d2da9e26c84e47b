using BenchmarkDotNet.Attributes;
using Parley.Core.Analysis.Roadmaps;

namespace Parley.Benchmarks.Roadmaps;

/// <summary>
/// Roadmap planning on synthetic libraries (fixed seeds): 40 steps, 6 issues, 6 actors, default options
/// (8 stages, 4 steps per package, exact budget 10 million evaluations). Seed 2025 is solved exactly; seed 7 spends
/// the exact budget and returns the heuristic answer with its gap.
/// </summary>
[MemoryDiagnoser]
public class RoadmapPlannerBenchmarks
{
    private RoadmapProblem _problem = null!;

    [Params(16, 24, 40)]
    public int Steps { get; set; }

    [Params(2025, 7)]
    public int Seed { get; set; }

    [GlobalSetup]
    public void Setup() => _problem = SyntheticRoadmaps.Create(Steps, Seed);

    [Benchmark]
    public RoadmapResult Plan() => RoadmapPlanner.Plan(_problem);
}
