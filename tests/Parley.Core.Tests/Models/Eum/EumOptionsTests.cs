using Parley.Core.Models.Eum;

namespace Parley.Core.Tests.Models.Eum;

public sealed class EumOptionsTests
{
    [Fact]
    public void Default_IsTenRoundsQOneDeclaredScale()
    {
        Assert.Equal(10, EumOptions.Default.Rounds);
        Assert.Equal(1.0, EumOptions.Default.Q);
        Assert.True(EumOptions.Default.UseDeclaredScale);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Q_OutOfRange_Throws(double q)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EumOptions.Default with { Q = q });
    }

    [Fact]
    public void Rounds_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EumOptions { Rounds = -1 });
    }
}
