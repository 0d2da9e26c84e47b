using Parley.Core.Models;
using Parley.Core.Models.Eum;
using Xunit.Abstractions;

namespace Parley.Core.Tests.Models.Eum;

public sealed class EumModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var f = new EumModel(new EumOptions { Rounds = 12 }).Run(ReferenceData.EmissionStandards());
        foreach (var r in f.Rounds)
        {
            output.WriteLine($"{r.Round} med={r.Median:F4} mean={r.Mean:F4} pos=[{string.Join(",", r.Positions.Select(p => p.ToString("F4")))}] r=[{(r.RiskExponents is null ? "" : string.Join(",", r.RiskExponents.Select(p => p.ToString("F4"))))}]");
            foreach (var m in r.Moves) output.WriteLine($"   {m}");
        }
    }
}
