using BenchmarkDotNet.Attributes;
using Parley.Core.Models.Exchange;
using Parley.Formats.Decide;

namespace Parley.Benchmarks.Exchange;

/// <summary>
/// Exchange model, 10 rounds, Equal Gain, deterministic ties, on the Decide CoP21 input (15 × 13) and the
/// synthetic 30 × 13 and 60 × 13 inputs (shared/data/exchange). Reference: Decide (Python) 6.1 s for CoP21, 67 s for 30 × 13.
/// </summary>
[MemoryDiagnoser]
public class ExchangeBenchmarks
{
    private ExchangeInput _input = null!;

    [Params("input/CoP21.csv", "synthetic/synth_30x13.csv", "synthetic/synth_60x13.csv")]
    public string File { get; set; } = string.Empty;

    [Params(1, 0)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _input = DecideReader.ReadExchangeInputFile(Locate(File));

    [Benchmark]
    public int TenRounds() => ExchangeModel.Run(_input, ExchangeOptions.Default with { MaxDegreeOfParallelism = Threads }).Rounds.Count;

    internal static string Locate(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "exchange", relative);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        var env = Environment.GetEnvironmentVariable("PARLEY_SHARED") ?? "/work/shared";
        return Path.Combine(env, "data", "exchange", relative);
    }
}
