using Parley.Core.Models.Smp;

namespace Parley.Core.Tests.Smp;

public sealed partial class SmpModelTest
{
    // The worked trace of spec smp.md §10 (real KTAB output, printed to 3–4 decimals): tolerances are half a unit in the
    // last printed place.
    [Fact]
    public void Run_Tiny3_FollowsTheWorkedTrace()
    {
        // Given Tiny3: A(100; 10; 80), B(60; 60; 50), C(30; 90; 60)
        var input = KtabReference.LoadInput("Tiny3");

        // When SMP runs with KTAB's defaults
        var result = new SmpModel().Run(input);

        // Then risk attitudes at turn 0 are (0.846, 1.000, −0.500)
        var r = result.Turns[0].RiskAttitudes;
        Assert.Equal(0.846, r[0], 0.0005);
        Assert.Equal(1.000, r[1], 0.0005);
        Assert.Equal(-0.500, r[2], 0.0005);

        // and the bargains are A→C (P .8152, ΔEU .5173, both at 12.25), B→C (P .8273, ΔEU .0714, 61.77), C→B (P .1918, ΔEU .0777, 62.25)
        var b = result.Turns[1].Bargains;
        Assert.Equal(3, b.Count);
        AssertBargain(b[0], 0, 2, 0.8152, 0.5173, 12.25);
        AssertBargain(b[1], 1, 2, 0.8273, 0.0714, 61.77);
        AssertBargain(b[2], 2, 1, 0.1918, 0.0777, 62.25);

        // and A takes A→C, B and C take B→C; the run stops after 2 steps
        Assert.Equal([0, 1, 1], result.Turns[1].Chosen);
        Assert.Equal(2, result.Steps);
        Assert.Equal(SmpStopReason.Converged, result.StopReason);
        Assert.Empty(result.Messages);
    }

    private static void AssertBargain(SmpBargain b, int init, int rcvr, double p, double gain, double position)
    {
        Assert.Equal(init, b.Initiator);
        Assert.Equal(rcvr, b.Receiver);
        Assert.Equal(p, b.Probability, 0.00005);
        Assert.Equal(gain, b.Gain, 0.00005);
        Assert.Equal(position, b.InitiatorPosition[0], 0.005);
        Assert.Equal(position, b.ReceiverPosition[0], 0.005);
    }
}
