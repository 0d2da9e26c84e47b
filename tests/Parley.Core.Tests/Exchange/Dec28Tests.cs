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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MultiplyAndDivide_RandomOperandsOfEveryWidth_MatchBigIntegerHalfEven(int seed)
    {
        // Given coefficients of 1 to 28 digits (random, all nines, or a five followed by zeros, which make exact
        // ties and carries) with random exponents
        var rnd = new Random(seed);
        for (var k = 0; k < 4000; k++)
        {
            var (ca, ea) = RandomOperand(rnd);
            var (cb, eb) = RandomOperand(rnd);
            var a = Parse(ca, ea);
            var b = Parse(cb, eb);

            // When multiplied and divided in Dec28
            // Then each result is the exact result rounded half-even to 28 digits (BigInteger reference)
            Assert.Equal(Normal(RoundHalfEven(ca * cb, ea + eb, sticky: false)), Normal(a * b));
            var shift = 60;
            var q = System.Numerics.BigInteger.DivRem(ca * System.Numerics.BigInteger.Pow(10, shift), cb, out var rem);
            Assert.Equal(Normal(RoundHalfEven(q, ea - eb - shift, sticky: !rem.IsZero)), Normal(a / b));
        }
    }

    private static (System.Numerics.BigInteger C, int E) RandomOperand(Random rnd)
    {
        var digits = rnd.Next(1, 29);
        var text = rnd.Next(4) switch
        {
            0 => new string('9', digits),
            1 => "5" + new string('0', digits - 1),
            _ => string.Concat(Enumerable.Range(0, digits).Select(i => (char)('0' + (i == 0 ? rnd.Next(1, 10) : rnd.Next(10))))),
        };
        return (System.Numerics.BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture), rnd.Next(-40, 20));
    }

    private static Dec28 Parse(System.Numerics.BigInteger c, int e)
    {
        // Through decimal: the coefficient (≤ 28 digits) is exact; the exponent is applied by exact multiplication.
        var d = Dec28.FromDecimal(decimal.Parse(c.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
        var ten = Dec28.FromInt(10);
        for (var k = 0; k < Math.Abs(e); k++)
        {
            d = e > 0 ? d * ten : d / ten;
        }

        Assert.Equal(Normal((c, e)), Normal(d));
        return d;
    }

    private static (System.Numerics.BigInteger C, int E) RoundHalfEven(System.Numerics.BigInteger c, int e, bool sticky)
    {
        var digits = c.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var drop = Math.Max(0, digits - 28);
        var p = System.Numerics.BigInteger.Pow(10, drop);
        var q = System.Numerics.BigInteger.DivRem(c, p, out var rem);
        var twice = rem * 2;
        if (twice > p || (twice == p && (sticky || !q.IsEven)) || (drop > 0 && twice == p && sticky))
        {
            q += 1;
        }
        else if (drop == 0 && sticky)
        {
            throw new InvalidOperationException("The reference needs more digits.");
        }

        return (q, e + drop);
    }

    private static string Normal(Dec28 d)
    {
        var text = d.ToString();
        var at = text.IndexOf('E', StringComparison.Ordinal);
        return Normal((System.Numerics.BigInteger.Parse(text[..at], System.Globalization.CultureInfo.InvariantCulture), int.Parse(text[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Normal((System.Numerics.BigInteger C, int E) v)
    {
        var (c, e) = v;
        if (c.IsZero)
        {
            return "0";
        }

        while (c % 10 == 0)
        {
            c /= 10;
            e++;
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c}E{e}");
    }

    private static Dec28 D(string s) => Dec28.FromDecimal(decimal.Parse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
}
