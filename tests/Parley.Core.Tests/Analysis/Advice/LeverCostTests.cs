using Parley.Core.Analysis.Advice;

namespace Parley.Core.Tests.Analysis.Advice;

public class LeverCostTests
{
    [Theory]
    [InlineData(10, 100, 0, 0.05)]
    [InlineData(-10, 100, 100, 0.15)]
    [InlineData(20, 100, 50, 0.2)]
    [InlineData(0, 100, 50, 0)]
    [InlineData(1, 10, 50, 0.1)]
    public void Of_Values_AsFormula(double shift, double range, double salience, double expected) =>
        Assert.Equal(expected, LeverCost.Of(shift, range, salience), 1e-12);

    [Theory]
    [InlineData(double.NaN, 100, 50)]
    [InlineData(10, 0, 50)]
    [InlineData(10, 100, 101)]
    [InlineData(10, 100, double.NaN)]
    public void Of_BadInput_Throws(double shift, double range, double salience) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LeverCost.Of(shift, range, salience));
}
