using System.Globalization;
using System.Numerics;

namespace Parley.Core.Models.Exchange;

/// <summary>
/// A decimal floating-point number with 28 significant digits, rounded half-to-even after every operation:
/// the arithmetic of Python's default <c>decimal</c> context, which the reference exchange model uses. The
/// model's validity, cap and tie decisions depend on the last digit, so <see cref="decimal"/> (29 digits,
/// scale ≤ 28) or <see cref="double"/> would not reproduce them. Exponent range is unbounded in practice.
/// </summary>
/// <remarks>Value = (−1)^sign · coefficient · 10^exponent, coefficient &lt; 10^28. Immutable.</remarks>
internal readonly struct Dec28 : IComparable<Dec28>, IEquatable<Dec28>
{
    private const int Precision = 28;
    private static readonly UInt128[] Pow10 = BuildPowers();
    private static readonly UInt128 MaxCoefficient = Pow10[Precision];
    private static readonly BigInteger[] BigPowers = Enumerable.Range(0, 160).Select(k => BigInteger.Pow(10, k)).ToArray();

    // 10^0 … 10^22 are exactly representable as doubles.
    private static readonly double[] ExactPow10 = Enumerable.Range(0, 23).Select(k => double.Parse("1e" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToArray();

    private const uint SignBit = 0x80000000;

    // The coefficient (< 10^28 < 2^94) as its low 64 bits and its high bits (< 2^30) with the sign in the top bit:
    // 16 bytes a value, where a UInt128 field would align the struct to 32 (candidates hold many of these).
    private readonly ulong _lo;
    private readonly uint _hiSign;
    private readonly int _e;

    private Dec28(UInt128 coefficient, int exponent, bool negative)
    {
        _lo = unchecked((ulong)coefficient);
        _hiSign = (uint)(coefficient >> 64);
        _e = coefficient == 0 ? 0 : exponent;
        if (negative && coefficient != 0)
        {
            _hiSign |= SignBit;
        }
    }

    private UInt128 Coefficient => new(_hiSign & ~SignBit, _lo);

    private bool Negative => (_hiSign & SignBit) != 0;

    public static Dec28 Zero => default;

    public static Dec28 One { get; } = new(1, 0, false);

    public static Dec28 Hundred { get; } = new(100, 0, false);

    public bool IsZero => (_lo | (_hiSign & ~SignBit)) == 0;

    public bool IsNegative => Negative;

    public int Sign => Coefficient == 0 ? 0 : Negative ? -1 : 1;

    /// <summary>The exact value of a <see cref="decimal"/>, rounded to 28 digits if it has 29.</summary>
    public static Dec28 FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        // The 96-bit coefficient's words are stored as signed ints: reinterpret, do not convert.
        var lo = unchecked((ulong)(uint)bits[0] | ((ulong)(uint)bits[1] << 32));
        var hi = unchecked((ulong)(uint)bits[2]);
        var coefficient = new UInt128(hi, lo);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        return Round(coefficient, -scale, negative);
    }

    public static Dec28 FromInt(int value) => new((UInt128)(uint)Math.Abs((long)value), 0, value < 0);

    /// <summary>The exact value of a double (up to ~750 digits), rounded to 28 digits.</summary>
    public static Dec28 FromDoubleExact(double value)
    {
        var (c, e) = ExactDouble(value);
        return RoundBig(BigInteger.Abs(c), e, value < 0);
    }

    /// <summary>The exact binary value of <paramref name="value"/> as coefficient · 10^exponent.</summary>
    public static (BigInteger Coefficient, int Exponent) ExactDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Value must be finite.");
        }

        if (value == 0)
        {
            return (BigInteger.Zero, 0);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exp = (int)((bits >> 52) & 0x7FF);
        var mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0)
        {
            exp = 1;
        }
        else
        {
            mant |= 1L << 52;
        }

        exp -= 1075;
        var m = new BigInteger(mant);
        if (value < 0)
        {
            m = -m;
        }

        if (exp >= 0)
        {
            return (m << exp, 0);
        }

        // m · 2^exp = m · 5^(-exp) · 10^exp.
        return (m * BigInteger.Pow(5, -exp), exp);
    }

    public static Dec28 operator -(Dec28 a) => new(a.Coefficient, a._e, !a.Negative);

    public Dec28 Abs() => new(Coefficient, _e, false);

    public static Dec28 operator +(Dec28 a, Dec28 b) => Add(a, b, b.Negative);

    public static Dec28 operator -(Dec28 a, Dec28 b) => Add(a, b, !b.Negative);

    public static Dec28 operator *(Dec28 a, Dec28 b)
    {
        var ac = a.Coefficient;
        var bc = b.Coefficient;
        if (ac == 0 || bc == 0)
        {
            return Zero;
        }

        var neg = a.Negative != b.Negative;
        var e = a._e + b._e;
        var da = Digits(ac);
        var db = Digits(bc);

        // Unchecked products below: every bound is stated and stays under 10^38 < 2^127.
        if (da + db <= 38)
        {
            return Round(unchecked(ac * bc), e, neg);
        }

        // Both wide: split each coefficient into 14-digit halves so every partial product fits in 128 bits,
        // and carry the exact product as h·10^28 + l.
        var half = Pow10[14];
        var a1 = SmallQuotient(ac, half, out var a0);
        var b1 = SmallQuotient(bc, half, out var b0);
        UInt128 l, h;
        unchecked
        {
            // a1, a0, b1, b0 < 10^14: products < 10^28, mid < 2·10^28.
            var mid = ((UInt128)a1 * b0) + (a0 * b1);
            var mh = SmallQuotient(mid, half, out var ml);
            l = (a0 * b0) + (ml * half);
            h = ((UInt128)a1 * b1) + mh;
        }

        if (l >= MaxCoefficient)
        {
            l -= MaxCoefficient;
            h += 1;
        }

        return RoundWide(h, l, e, neg);
    }

    public static Dec28 operator /(Dec28 a, Dec28 b)
    {
        var ac = a.Coefficient;
        var bc = b.Coefficient;
        if (bc == 0)
        {
            throw new DivideByZeroException("Decimal division by zero.");
        }

        if (ac == 0)
        {
            return Zero;
        }

        var neg = a.Negative != b.Negative;
        var da = Digits(ac);
        var db = Digits(bc);

        // Scale the dividend so that the integer quotient floor(a·10^shift / b) has 28 or 29 digits.
        // da ≤ 28 and db ≥ 1, so shift ≥ 1.
        var shift = Precision + db - da;
        UInt128 q, r;
        if (bc <= uint.MaxValue)
        {
            // a·10^shift < 10^(28 + db) ≤ 10^38: one division by a 32-bit divisor.
            q = DivRem(unchecked(ac * Pow10[shift]), (uint)bc, out var r32);
            r = r32;
        }
        else
        {
            // Long division in chunks of at most 15 digits, so that each partial quotient is below 2^50.
            q = da - db <= 14 ? SmallQuotient(ac, bc, out r) : DivRemWide(ac, bc, out r);
            var remaining = shift;
            while (remaining > 0)
            {
                var step = Math.Min(Math.Min(remaining, 38 - db), 15);
                unchecked
                {
                    // r < b, so r·10^step < 10^(db + step) ≤ 10^38; q stays below 10^29.
                    var qq = SmallQuotient(r * Pow10[step], bc, out r);
                    q = (q * Pow10[step]) + qq;
                }

                remaining -= step;
            }
        }

        var exponent = a._e - b._e - shift;
        if (q >= MaxCoefficient)
        {
            // 29 digits: drop the last one, with the remainder as sticky information.
            q = DivRem(q, 10, out var lastDigit);
            var last = (int)lastDigit;
            exponent += 1;
            return RoundUp(q, exponent, neg, last, r != 0);
        }

        // 28 digits: the remainder decides (compare 2r with the divisor).
        var twice = r * 2;
        var up = twice > bc || (twice == bc && (q & 1) == 1);
        return up ? Carry(q + 1, exponent, neg) : new Dec28(q, exponent, neg);
    }

    /// <summary>
    /// Quotient and remainder of <paramref name="n"/> / <paramref name="d"/> (both below 2^127) when the quotient is
    /// below about 2^50: a double estimate is then within a few units, and is corrected to the exact quotient.
    /// Much cheaper than <see cref="UInt128"/> division, which takes a general bit-by-bit path for wide operands.
    /// </summary>
    private static ulong SmallQuotient(UInt128 n, UInt128 d, out UInt128 remainder)
    {
        var estimate = ToDoubleApprox(n) / ToDoubleApprox(d);
        var q = estimate < 1 ? 0UL : (ulong)estimate;
        unchecked
        {
            // q ≤ n/d + 1 (the estimate's error is far below one unit), so q·d ≤ n + d < 2^128.
            var p = (UInt128)q * d;
            while (p > n)
            {
                q--;
                p -= d;
            }

            var r = n - p;
            while (r >= d)
            {
                q++;
                r -= d;
            }

            remainder = r;
            return q;
        }
    }

    /// <summary>General quotient and remainder (rare: a wide dividend over a much narrower divisor above 2^32).</summary>
    private static UInt128 DivRemWide(UInt128 n, UInt128 d, out UInt128 remainder)
    {
        var q = n / d;
        remainder = n - (q * d);
        return q;
    }

    /// <summary>A double within a few units in the last place of <paramref name="x"/>.</summary>
    private static double ToDoubleApprox(UInt128 x) =>
        ((double)(ulong)(x >> 64) * 18446744073709551616.0) + unchecked((double)(ulong)x);

    /// <summary>Exact comparison.</summary>
    public int CompareTo(Dec28 other)
    {
        var sa = Sign;
        var sb = other.Sign;
        if (sa != sb)
        {
            return sa.CompareTo(sb);
        }

        if (sa == 0)
        {
            return 0;
        }

        var mag = CompareMagnitude(this, other);
        return sa > 0 ? mag : -mag;
    }

    private static int CompareMagnitude(Dec28 a, Dec28 b)
    {
        var da = Digits(a.Coefficient);
        var db = Digits(b.Coefficient);
        var adjA = a._e + da;
        var adjB = b._e + db;
        if (adjA != adjB)
        {
            return adjA.CompareTo(adjB);
        }

        // Same magnitude: align the one with the larger exponent (it has fewer digits, so it still fits).
        if (a._e >= b._e)
        {
            return unchecked(a.Coefficient * Pow10[a._e - b._e]).CompareTo(b.Coefficient);
        }

        return a.Coefficient.CompareTo(unchecked(b.Coefficient * Pow10[b._e - a._e]));
    }

    public static bool operator <(Dec28 a, Dec28 b) => a.CompareTo(b) < 0;

    public static bool operator >(Dec28 a, Dec28 b) => a.CompareTo(b) > 0;

    public static bool operator <=(Dec28 a, Dec28 b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Dec28 a, Dec28 b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Dec28 a, Dec28 b) => a.CompareTo(b) == 0;

    public static bool operator !=(Dec28 a, Dec28 b) => a.CompareTo(b) != 0;

    public bool Equals(Dec28 other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Dec28 d && Equals(d);

    public override int GetHashCode() => ToDouble().GetHashCode();

    /// <summary>Nearest double (correctly rounded via the decimal string).</summary>
    public double ToDouble() => Coefficient == 0 ? 0.0 : double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Fast approximate double: relative error at most 4·2⁻⁵³ (the coefficient's conversion and at most three
    /// correctly rounded operations with exactly representable or correctly rounded powers of ten).
    /// </summary>
    public double ToDoubleFast()
    {
        if (Coefficient == 0)
        {
            return 0.0;
        }

        var m = (double)Coefficient;
        double v;
        if (_e >= 0)
        {
            v = _e <= 22 ? m * ExactPow10[_e] : m * Math.Pow(10, _e);
        }
        else if (_e >= -22)
        {
            v = m / ExactPow10[-_e];
        }
        else if (_e >= -44)
        {
            v = m / ExactPow10[22] / ExactPow10[-_e - 22];
        }
        else
        {
            v = m / Math.Pow(10, -_e);
        }

        return Negative ? -v : v;
    }

    /// <summary>Scientific notation, e.g. <c>4.935323383084577114427860697E+1</c>.</summary>
    public override string ToString()
    {
        var digits = Coefficient.ToString(CultureInfo.InvariantCulture);
        var sign = Negative ? "-" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{digits}E{_e}");
    }

    /// <summary>
    /// Multiplies by an exactly given wide number (e.g. the exact binary value of 0.4) and rounds once.
    /// </summary>
    public static Dec28 MulExact(BigInteger coefficient, int exponent, Dec28 b)
    {
        var product = coefficient * ToSignedBig(b);
        return RoundBig(BigInteger.Abs(product), exponent + b._e, product.Sign < 0);
    }

    /// <summary>Subtracts an exactly given wide number from <paramref name="a"/> and rounds once.</summary>
    public static Dec28 SubExact(Dec28 a, BigInteger coefficient, int exponent)
    {
        var e = Math.Min(a._e, exponent);
        var left = ToSignedBig(a) * BigPow10(a._e - e);
        var right = coefficient * BigPow10(exponent - e);
        var diff = left - right;
        return RoundBig(BigInteger.Abs(diff), e, diff.Sign < 0);
    }

    /// <summary>True when |this| is strictly greater than the exact value coefficient·10^exponent.</summary>
    public bool MagnitudeGreaterThanExact(BigInteger coefficient, int exponent)
    {
        var e = Math.Min(_e, exponent);
        var left = ToBig(Coefficient) * BigPow10(_e - e);
        var right = coefficient * BigPow10(exponent - e);
        return left > right;
    }

    private static Dec28 Add(Dec28 a, Dec28 b, bool bNeg)
    {
        if (b.Coefficient == 0)
        {
            return a;
        }

        if (a.Coefficient == 0)
        {
            return new Dec28(b.Coefficient, b._e, bNeg);
        }

        // Order so that x has the larger exponent.
        UInt128 xc, yc;
        int xe, ye;
        bool xn, yn;
        if (a._e >= b._e)
        {
            (xc, xe, xn, yc, ye, yn) = (a.Coefficient, a._e, a.Negative, b.Coefficient, b._e, bNeg);
        }
        else
        {
            (xc, xe, xn, yc, ye, yn) = (b.Coefficient, b._e, bNeg, a.Coefficient, a._e, a.Negative);
        }

        var diff = xe - ye;
        if (Digits(xc) + diff > 38)
        {
            var big = (ToBig(xc) * BigPow10(diff) * (xn ? -1 : 1)) + (ToBig(yc) * (yn ? -1 : 1));
            return RoundBig(BigInteger.Abs(big), ye, big.Sign < 0);
        }

        var xs = unchecked(xc * Pow10[diff]); // Digits(xc) + diff ≤ 38: below 10^38.
        if (xn == yn)
        {
            var sum = xs + yc;
            if (sum < xs || sum >= Pow10[38])
            {
                var big = ToBig(xs) + ToBig(yc);
                return RoundBig(big, ye, xn);
            }

            return Round(sum, ye, xn);
        }

        return xs >= yc ? Round(xs - yc, ye, xn) : Round(yc - xs, ye, yn);
    }

    /// <summary>Rounds an exact coefficient of up to 38 digits to 28 digits, half to even.</summary>
    private static Dec28 Round(UInt128 c, int e, bool neg)
    {
        if (c < MaxCoefficient)
        {
            return new Dec28(c, e, neg);
        }

        var drop = Digits(c) - Precision;
        var p = Pow10[drop];
        UInt128 q, rem;
        if (drop <= 9)
        {
            q = DivRem(c, (uint)p, out var r32);
            rem = r32;
        }
        else
        {
            // 10^drop = 10^9 · 10^(drop − 9), both below 2^32 (drop ≤ 10 here: c has at most 38 digits).
            var low = (uint)Pow10[9];
            var q1 = DivRem(c, low, out var r1);
            q = DivRem(q1, (uint)Pow10[drop - 9], out var r2);
            rem = ((UInt128)r2 * low) + r1;
        }

        var half = p >> 1;
        var up = rem > half || (rem == half && (q & 1) == 1);
        return up ? Carry(q + 1, e + drop, neg) : new Dec28(q, e + drop, neg);
    }

    /// <summary>
    /// Quotient and remainder of a 128-bit value by a 32-bit divisor, by 64-bit divisions over 32-bit limbs
    /// (<see cref="UInt128"/> division takes a much slower general path).
    /// </summary>
    private static UInt128 DivRem(UInt128 c, uint d, out uint remainder)
    {
        var hi = (ulong)(c >> 64);
        var lo = unchecked((ulong)c);
        var q1 = hi / d;
        var r = hi - (q1 * d);
        var n = (r << 32) | (lo >> 32);
        var q2 = n / d;
        r = n - (q2 * d);
        n = (r << 32) | (lo & 0xFFFFFFFFUL);
        var q3 = n / d;
        remainder = (uint)(n - (q3 * d));
        return new UInt128(q1, (q2 << 32) | q3);
    }

    /// <summary>Quotient and remainder of <paramref name="n"/> &lt; 10^28 by 10^<paramref name="k"/> (1 ≤ k ≤ 28).</summary>
    private static UInt128 DivRemPow10(UInt128 n, int k, out UInt128 remainder)
    {
        if (k <= 9)
        {
            var q = DivRem(n, (uint)Pow10[k], out var r32);
            remainder = r32;
            return q;
        }

        if (k >= 14)
        {
            // Quotient below 10^14.
            return SmallQuotient(n, Pow10[k], out remainder);
        }

        // 10 ≤ k ≤ 13: by 10^9, then by the rest (below 2^32).
        var q1 = DivRem(n, (uint)Pow10[9], out var r1);
        var q2 = DivRem(q1, (uint)Pow10[k - 9], out var r2);
        remainder = unchecked(((UInt128)r2 * (uint)Pow10[9]) + r1);
        return q2;
    }

    /// <summary>Rounds h·10^28 + l (h, l &lt; 10^28, h &gt; 0 or not) to 28 digits.</summary>
    private static Dec28 RoundWide(UInt128 h, UInt128 l, int e, bool neg)
    {
        if (h == 0)
        {
            return Round(l, e, neg);
        }

        var dh = Digits(h);
        var p = Pow10[dh];
        var lq = DivRemPow10(l, dh, out var rem);
        var q = unchecked((h * Pow10[Precision - dh]) + lq);
        var half = p >> 1;
        var up = rem > half || (rem == half && (q & 1) == 1);
        return up ? Carry(q + 1, e + dh, neg) : new Dec28(q, e + dh, neg);
    }

    private static Dec28 RoundUp(UInt128 q, int e, bool neg, int lastDigit, bool sticky)
    {
        var up = lastDigit > 5 || (lastDigit == 5 && (sticky || (q & 1) == 1));
        return up ? Carry(q + 1, e, neg) : new Dec28(q, e, neg);
    }

    private static Dec28 Carry(UInt128 q, int e, bool neg) =>
        q >= MaxCoefficient ? new Dec28(DivRem(q, 10, out _), e + 1, neg) : new Dec28(q, e, neg);

    private static Dec28 RoundBig(BigInteger c, int e, bool neg, bool sticky = false)
    {
        if (c.IsZero)
        {
            return Zero;
        }

        var digits = BigDigits(c);
        if (digits <= Precision)
        {
            return new Dec28((UInt128)c, e, neg);
        }

        var drop = digits - Precision;
        var p = BigPow10(drop);
        var q = BigInteger.DivRem(c, p, out var rem);
        var twice = rem * 2;
        var cmp = twice.CompareTo(p);
        var up = cmp > 0 || (cmp == 0 && (sticky || !q.IsEven));

        var qq = (UInt128)(up ? q + 1 : q);
        return Carry(qq, e + drop, neg);
    }

    private static int BigDigits(BigInteger c)
    {
        var estimate = (int)Math.Floor(BigInteger.Log10(c)) + 1;
        var p = BigPow10(estimate);
        if (c >= p)
        {
            return estimate + 1;
        }

        return c < BigPow10(estimate - 1) ? estimate - 1 : estimate;
    }

    private static BigInteger ToBig(UInt128 c) => (BigInteger)c;

    /// <summary>10^k (k ≥ 0), from a table for the exponents that occur in the model's operations.</summary>
    private static BigInteger BigPow10(int k) => k < BigPowers.Length ? BigPowers[k] : BigInteger.Pow(10, k);

    private static BigInteger ToSignedBig(Dec28 d) => d.Negative ? -(BigInteger)d.Coefficient : (BigInteger)d.Coefficient;

    private static int Digits(UInt128 c)
    {
        // Pow10 is ascending; a linear scan from an estimate by bit length keeps this cheap.
        var bits = 128 - (int)UInt128.LeadingZeroCount(c);
        var d = (bits * 1233) >> 12; // ≈ bits·log10(2)
        while (d < 39 && c >= Pow10[d])
        {
            d++;
        }

        return Math.Max(d, 1);
    }

    private static UInt128[] BuildPowers()
    {
        var p = new UInt128[39];
        p[0] = 1;
        for (var k = 1; k < p.Length; k++)
        {
            p[k] = p[k - 1] * 10;
        }

        return p;
    }
}
