using Parley.Core.Numerics.Random;

namespace Parley.Core.Numerics.Statistics;

/// <summary>A function of k independent uniforms on (0, 1): the object of a Sobol analysis.</summary>
/// <param name="u">The k uniforms; do not keep the span.</param>
public delegate double UniformFunction(ReadOnlySpan<double> u);

/// <summary>Settings of a Sobol analysis.</summary>
public sealed record SobolOptions
{
    /// <summary>N, the number of base rows; the function is evaluated N(k + 2) times. Range: ≥ 2. Default 4096.</summary>
    public int BaseSamples { get; init; } = 4096;

    /// <summary>Seed of the counter-based generator; results are a pure function of it and N.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Bootstrap resamples for the confidence intervals; 0 skips them (intervals are then NaN). Default 200.</summary>
    public int BootstrapResamples { get; init; } = 200;

    /// <summary>Coverage of the percentile bootstrap intervals. Range: (0, 1). Default 0.90.</summary>
    public double ConfidenceLevel { get; init; } = 0.90;

    /// <summary>Worker threads; null for all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        if (BaseSamples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseSamples), BaseSamples, $"Sobol analysis needs at least 2 base samples; got {BaseSamples}.");
        }

        if (BootstrapResamples < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapResamples), BootstrapResamples, $"Bootstrap resamples must be ≥ 0; got {BootstrapResamples}.");
        }

        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, $"Confidence level must be in (0, 1); got {ConfidenceLevel}.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, $"Degree of parallelism must be ≥ 1; got {MaxDegreeOfParallelism}.");
        }
    }
}

/// <summary>A bootstrap confidence interval; NaN ends when no bootstrap was run.</summary>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
/// <param name="Level">Nominal coverage, e.g. 0.90.</param>
public readonly record struct ConfidenceInterval(double Low, double High, double Level);

/// <summary>Sobol indices of one input.</summary>
/// <param name="Input">Index of the input (0-based, the function's argument order).</param>
/// <param name="FirstOrder">S1: share of the output variance explained by this input alone (Saltelli et al. 2010 estimator). Sampling noise can push it slightly below 0.</param>
/// <param name="FirstOrderInterval">Bootstrap interval of S1.</param>
/// <param name="TotalEffect">ST: share of the variance that would remain if all other inputs were known, i.e. including interactions (Jansen 1999 estimator).</param>
/// <param name="TotalEffectInterval">Bootstrap interval of ST.</param>
public readonly record struct SobolIndex(int Input, double FirstOrder, ConfidenceInterval FirstOrderInterval, double TotalEffect, ConfidenceInterval TotalEffectInterval);

/// <summary>The result of <see cref="SobolAnalyzer.Analyze"/>. Immutable.</summary>
/// <param name="BaseSamples">N.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="Mean">Mean of the output over the 2N rows of A and B.</param>
/// <param name="Variance">Variance of the output over the 2N rows of A and B (the denominator of every index). 0 means the output does not vary and every index is NaN.</param>
/// <param name="Indices">One per input, in input order.</param>
public sealed record SobolResult(int BaseSamples, ulong Seed, double Mean, double Variance, IReadOnlyList<SobolIndex> Indices)
{
    /// <summary>Number of function evaluations, N(k + 2).</summary>
    public long Evaluations => (long)BaseSamples * (Indices.Count + 2);
}

/// <summary>
/// Variance-based (Sobol) sensitivity analysis of a function of k independent uniforms, by the sampling scheme of
/// Saltelli et al. (2010): two independent N×k matrices A and B, and for each input i the matrix A with column i
/// taken from B. First-order indices use the Saltelli et al. (2010) estimator
/// S1ᵢ = mean(f(B)·(f(A_B⁽ⁱ⁾) − f(A))) / V, total effects the Jansen (1999) estimator
/// STᵢ = mean((f(A) − f(A_B⁽ⁱ⁾))²) / (2V), with V the variance over the rows of A and B.
/// Confidence intervals are percentile intervals over bootstrap resamples of the N rows.
/// </summary>
/// <remarks>
/// The uniforms are counter-based: A[j, i] and B[j, i] depend only on (seed, j, i), and bootstrap resample r only
/// on (seed, r), so results are bit-identical whatever the degree of parallelism. Outputs are centred on their mean
/// before the estimators are applied, which leaves the indices unchanged in expectation and reduces their variance.
/// </remarks>
public static class SobolAnalyzer
{
    // Stream tags that keep the A, B and bootstrap numbers apart.
    private const ulong MatrixATag = 0xA0A0_0000_0000_0000UL;
    private const ulong MatrixBTag = 0xB0B0_0000_0000_0000UL;
    private const ulong BootstrapTag = 0x5EED_B007_0000_0001UL;

    /// <summary>Computes first-order and total-effect indices of a function of <paramref name="dimension"/> uniforms.</summary>
    /// <param name="dimension">k, the number of inputs. Range: ≥ 1.</param>
    /// <param name="createFunction">
    /// Called once per worker thread to get that worker's function (so that a function may own non-thread-safe scratch
    /// buffers or a model solver). Every function it returns must compute the same mathematical function.
    /// </param>
    /// <param name="options">Sample size, seed, bootstrap and parallelism.</param>
    /// <param name="cancellationToken">Stops the analysis between rows.</param>
    public static SobolResult Analyze(int dimension, Func<UniformFunction> createFunction, SobolOptions options, CancellationToken cancellationToken = default)
    {
        Guard.Positive(dimension, nameof(dimension));
        ArgumentNullException.ThrowIfNull(createFunction);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var n = options.BaseSamples;
        var k = dimension;
        var fA = new double[n];
        var fB = new double[n];
        var fAB = new double[k][];
        for (var i = 0; i < k; i++)
        {
            fAB[i] = new double[n];
        }

        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        const int chunk = 256;
        var chunks = (n + chunk - 1) / chunk;
        Parallel.For(
            0,
            chunks,
            parallel,
            () => (Function: createFunction(), A: new double[k], B: new double[k], AB: new double[k]),
            (c, _, w) =>
            {
                var end = Math.Min(n, (c + 1) * chunk);
                for (var j = c * chunk; j < end; j++)
                {
                    var rowKey = CounterRandom.IndexKey(options.Seed, j);
                    for (var i = 0; i < k; i++)
                    {
                        w.A[i] = CounterRandom.ForKey(rowKey, MatrixATag | (uint)i).NextOpenUniform();
                        w.B[i] = CounterRandom.ForKey(rowKey, MatrixBTag | (uint)i).NextOpenUniform();
                    }

                    fA[j] = w.Function(w.A);
                    fB[j] = w.Function(w.B);
                    for (var i = 0; i < k; i++)
                    {
                        w.A.CopyTo(w.AB, 0);
                        w.AB[i] = w.B[i];
                        fAB[i][j] = w.Function(w.AB);
                    }
                }

                return w;
            },
            _ => { });

        // Centre all outputs on the mean of A and B (sum in row order, so the bits do not depend on threads).
        var sum = 0.0;
        for (var j = 0; j < n; j++)
        {
            sum += fA[j] + fB[j];
        }

        var mean = sum / (2.0 * n);
        for (var j = 0; j < n; j++)
        {
            fA[j] -= mean;
            fB[j] -= mean;
            for (var i = 0; i < k; i++)
            {
                fAB[i][j] -= mean;
            }
        }

        var s1 = new double[k];
        var st = new double[k];
        var variance = Estimate(fA, fB, fAB, null, s1, st);

        var r = options.BootstrapResamples;
        var bootS1 = new double[k][];
        var bootSt = new double[k][];
        for (var i = 0; i < k; i++)
        {
            bootS1[i] = new double[r];
            bootSt[i] = new double[r];
        }

        if (r > 0)
        {
            Parallel.For(
                0,
                r,
                parallel,
                () => (Rows: new int[n], S1: new double[k], St: new double[k]),
                (b, _, w) =>
                {
                    var random = CounterRandom.Create(options.Seed ^ BootstrapTag, b, 0);
                    for (var j = 0; j < n; j++)
                    {
                        w.Rows[j] = (int)(((UInt128)random.NextUInt64() * (ulong)n) >> 64);
                    }

                    Estimate(fA, fB, fAB, w.Rows, w.S1, w.St);
                    for (var i = 0; i < k; i++)
                    {
                        bootS1[i][b] = w.S1[i];
                        bootSt[i][b] = w.St[i];
                    }

                    return w;
                },
                _ => { });
        }

        var lowP = (1 - options.ConfidenceLevel) / 2;
        var highP = 1 - lowP;
        var indices = new SobolIndex[k];
        for (var i = 0; i < k; i++)
        {
            indices[i] = new SobolIndex(i, s1[i], Interval(bootS1[i], lowP, highP, options.ConfidenceLevel), st[i], Interval(bootSt[i], lowP, highP, options.ConfidenceLevel));
        }

        return new SobolResult(n, options.Seed, mean, variance, indices);
    }

    // Returns V and fills s1/st; rows == null means the identity (the original sample).
    private static double Estimate(double[] fA, double[] fB, double[][] fAB, int[]? rows, double[] s1, double[] st)
    {
        var n = fA.Length;
        double sum = 0, sumSq = 0;
        for (var j = 0; j < n; j++)
        {
            var row = rows is null ? j : rows[j];
            sum += fA[row] + fB[row];
            sumSq += (fA[row] * fA[row]) + (fB[row] * fB[row]);
        }

        var m = sum / (2.0 * n);
        var variance = (sumSq / (2.0 * n)) - (m * m);
        for (var i = 0; i < s1.Length; i++)
        {
            var ab = fAB[i];
            double first = 0, total = 0;
            for (var j = 0; j < n; j++)
            {
                var row = rows is null ? j : rows[j];
                var a = fA[row];
                var d = ab[row] - a;
                first += fB[row] * d;
                total += (a - ab[row]) * (a - ab[row]);
            }

            s1[i] = variance > 0 ? first / n / variance : double.NaN;
            st[i] = variance > 0 ? total / (2.0 * n) / variance : double.NaN;
        }

        return variance;
    }

    private static ConfidenceInterval Interval(double[] estimates, double lowP, double highP, double level)
    {
        if (estimates.Length == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, level);
        }

        var sorted = (double[])estimates.Clone();
        Array.Sort(sorted);
        return new ConfidenceInterval(SampleStatistics.QuantileOfSorted(sorted, lowP), SampleStatistics.QuantileOfSorted(sorted, highP), level);
    }
}
