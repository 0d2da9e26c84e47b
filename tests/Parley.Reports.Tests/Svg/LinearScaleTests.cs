using Parley.Reports.Svg;

namespace Parley.Reports.Tests.Svg;

public sealed class LinearScaleTests
{
    [Fact]
    public void Map_Ends_MapToRangeEnds()
    {
        var s = new LinearScale(0, 100, 200, 700);
        Assert.Equal(200, s.Map(0), 1e-12);
        Assert.Equal(700, s.Map(100), 1e-12);
        Assert.Equal(450, s.Map(50), 1e-12);
    }

    [Fact]
    public void Ticks_ZeroToHundred_StepsOfTwenty()
    {
        var ticks = new LinearScale(0, 100, 0, 1).Ticks(5);
        Assert.Equal([0, 20, 40, 60, 80, 100], ticks);
    }

    [Fact]
    public void Ticks_SymmetricDomain_IncludesZeroExactly()
    {
        var ticks = new LinearScale(-37, 37, 0, 1).Ticks(6);
        Assert.Contains(0.0, ticks);
        Assert.All(ticks, t => Assert.InRange(t, -37, 37));
    }

    [Theory]
    [InlineData(-0.001, "0")]
    [InlineData(12.3456, "12.35")]
    [InlineData(-3.5, "-3.5")]
    public void C_FormatsInvariantWithTwoDecimals(double value, string expected) => Assert.Equal(expected, Num.C(value));
}
