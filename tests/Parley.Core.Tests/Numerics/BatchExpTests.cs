using Parley.Core.Numerics;

namespace Parley.Core.Tests.Numerics;

/// <summary>
/// BatchExp against the platform's Math.Exp (accuracy) and against itself (the vector lanes and the scalar path must
/// give the same bits, which is what makes the expected-utility runs machine-independent).
/// </summary>
public sealed class BatchExpTests
{
    [Fact]
    public void Exp_RandomArguments_WithinFourUlpOfMathExp()
    {
        // Given arguments over the whole range the model uses (r·ln d ≤ 0) and some positive ones
        var rng = new System.Random(1980);
        var y = new double[100_003];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = i % 10 == 0 ? 700 * rng.NextDouble() : -708 * rng.NextDouble() * rng.NextDouble();
        }

        // When they are exponentiated in one batch
        var result = new double[y.Length];
        BatchExp.Exp(y, result);

        // Then each is within 4 ulp of Math.Exp
        for (var i = 0; i < y.Length; i++)
        {
            var expected = Math.Exp(y[i]);
            var ulps = Math.Abs(BitConverter.DoubleToInt64Bits(expected) - BitConverter.DoubleToInt64Bits(result[i]));
            Assert.True(ulps <= 4, $"exp({y[i]:R}) = {result[i]:R}, Math.Exp gives {expected:R} ({ulps} ulp apart)");
        }
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-1e-300, 1.0)]
    [InlineData(-709.0, 0.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    public void Exp_SpecialArguments_ExactValues(double y, double expected)
    {
        Assert.Equal(expected, BatchExp.Exp(y));
        var batch = new[] { y, y, y, y, y };
        BatchExp.Exp(batch, batch);
        Assert.All(batch, value => Assert.Equal(expected, value));
    }

    [Fact]
    public void Exp_VectorLanesAndScalarPath_SameBits()
    {
        // Given arguments whose batch runs mostly in vector lanes
        var rng = new System.Random(7);
        var y = Enumerable.Range(0, 4099).Select(_ => -50 * rng.NextDouble()).ToArray();
        var batch = new double[y.Length];

        // When the batch and the one-value path compute them
        BatchExp.Exp(y, batch);

        // Then every value has the same bits
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(BatchExp.Exp(y[i])), BitConverter.DoubleToInt64Bits(batch[i]));
        }
    }

    [Fact]
    public void PaddedLength_RoundsUpToWholeVectors()
    {
        Assert.Equal([0, 4, 4, 4, 4, 8, 12], new[] { 0, 1, 2, 3, 4, 5, 10 }.Select(BatchExp.PaddedLength));
    }
}
