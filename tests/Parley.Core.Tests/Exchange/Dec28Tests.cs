using Parley.Core.Models.Exchange;

namespace Parley.Core.Tests.Exchange;

public sealed class Dec28Tests
{
    [Theory]
    [InlineData("100", "6.5", "15.38461538461538461538461538")]
    [InlineData("1", "3", "0.3333333333333333333333333333")]
    [InlineData("2", "3", "0.6666666666666666666666666667")]
    [InlineData("45", "1.5", "30")]
    public void Divide_Values_RoundsToTwentyEightDigitsHalfEven(string a, string b, string expected) =>
        Assert.Equal(D(expected), D(a) / D(b));

    [Fact]
    public void Multiply_WideOperands_RoundsOnce()
    {
        // (1/3)·(2/3) to 28 digits: 0.2222222222222222222222222222 (Python decimal gives the same).
        var third = D("1") / D("3");
        var twoThirds = D("2") / D("3");
        Assert.Equal(D("0.2222222222222222222222222222"), third * twoThirds);
    }

    [Fact]
    public void Add_CarryToTwentyNineDigits_RoundsHalfEven()
    {
        // 9999999999999999999999999999 + 1 = 1.000000000000000000000000000E+28 exactly; + 0.5 ties to even.
        Assert.Equal(D("10000000000000000000000000000"), D("9999999999999999999999999999") + D("1"));
        Assert.Equal(D("1000000000000000000000000000"), D("1000000000000000000000000000") + D("0.5"));
        Assert.Equal(D("1000000000000000000000000002"), D("1000000000000000000000000001") + D("0.5"));
    }

    [Theory]
    [InlineData("1234567890123456789", "9876543210987654321")]
    [InlineData("9999999999999999999", "9999999999999999999")]
    [InlineData("123456789012345", "98765432109876543210987")]
    [InlineData("5000000000", "1000000000000000000000000001")]
    [InlineData("7777777777", "3333333333333333333333333333")]
    public void Multiply_ProductsOfUpTo38Digits_RoundsHalfEvenLikeBigInteger(string a, string b)
    {
        // Expected: the exact product rounded half-even to 28 digits with BigInteger (independent of Dec28).
        var exact = System.Numerics.BigInteger.Parse(a, System.Globalization.CultureInfo.InvariantCulture) * System.Numerics.BigInteger.Parse(b, System.Globalization.CultureInfo.InvariantCulture);
        var digits = exact.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var drop = Math.Max(0, digits - 28);
        var p = System.Numerics.BigInteger.Pow(10, drop);
        var q = System.Numerics.BigInteger.DivRem(exact, p, out var rem);
        if (rem * 2 > p || (rem * 2 == p && !q.IsEven))
        {
            q += 1;
        }

        var expected = decimal.Parse(q.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var product = D(a) * D(b);
        Assert.Equal(Dec28.FromDecimal(expected) * Dec28.FromDecimal(decimal.Parse("1E" + drop.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)), product);
    }

    [Fact]
    public void Compare_DifferentExponents_Exact()
    {
        Assert.True(D("1E-26") > Dec28.Zero);
        Assert.True(D("-1E-26") < Dec28.Zero);
        Assert.Equal(D("100.0"), D("100"));
    }

    private static Dec28 D(string s) => Dec28.FromDecimal(decimal.Parse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
}
