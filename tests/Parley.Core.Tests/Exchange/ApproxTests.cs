using System.Globalization;
using Parley.Core.Models.Exchange;

namespace Parley.Core.Tests.Exchange;

public sealed class ApproxTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Operators_RandomDecimals_BoundContainsTheDecimalResult(int seed)
    {
        // Given random 28-digit operands (fixed seed), including near-cancelling differences
        var rng = new Random(seed);
        for (var k = 0; k < 2000; k++)
        {
            var a = Random28(rng);
            var b = k % 5 == 0 ? a + Random28(rng) * Dec28.FromDecimal(1e-12m) : Random28(rng);
            var (x, y) = (Approx.Of(a), Approx.Of(b));

            // When the same formula is evaluated both ways
            var exact = ((a - b).Abs() * a / (b + Dec28.One)) + (a * b);
            var estimate = ((x - y).Abs() * x / (y + Approx.Exact(1))) + (x * y);

            // Then the decimal result lies within the estimate's bound (the bound is the tolerance)
            Assert.True(Math.Abs(estimate.V - exact.ToDouble()) <= estimate.E, $"{a} {b}: {estimate.V} ± {estimate.E} vs {exact}");
        }
    }

    [Fact]
    public void Compare_WithinBound_Undecided()
    {
        // 1 + 1e-17 and 1 cannot be told apart in double; 1.001 and 1 can.
        var one = Approx.Of(Dec28.One);
        Assert.Equal(0, Approx.Compare(Approx.Of(Dec28.FromDecimal(1.00000000000000001m)), one));
        Assert.Equal(1, Approx.Compare(Approx.Of(Dec28.FromDecimal(1.001m)), one));
        Assert.Equal(-1, Approx.Compare(one, Approx.Of(Dec28.FromDecimal(1.001m))));
    }

    [Fact]
    public void Divide_DivisorNotCertainlyNonZero_UnknownBound()
    {
        var tiny = new Approx(1e-30, 1e-29);
        Assert.True(double.IsPositiveInfinity((Approx.Exact(1) / tiny).E));
        Assert.Equal(0, Approx.Compare(Approx.Exact(1) / tiny, Approx.Exact(0)));
    }

    private static Dec28 Random28(Random rng)
    {
        // Up to 28 significant digits, magnitude 1e-3 … 1e2.
        var digits = string.Concat(Enumerable.Range(0, 28).Select(_ => rng.Next(10).ToString(CultureInfo.InvariantCulture)));
        var value = decimal.Parse("0." + digits, CultureInfo.InvariantCulture) * (decimal)Math.Pow(10, rng.Next(-2, 3));
        return Dec28.FromDecimal(value);
    }
}
