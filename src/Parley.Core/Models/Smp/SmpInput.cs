using Parley.Core.Scenarios;

namespace Parley.Core.Models.Smp;

/// <summary>The native scale of one SMP dimension: SMP works on 0–100, results can be mapped back to these units.</summary>
/// <param name="Low">Native value at 0 on SMP's scale.</param>
/// <param name="High">Native value at 100 on SMP's scale; ≥ <paramref name="Low"/>.</param>
public readonly record struct SmpScale(double Low, double High)
{
    /// <summary>The 0–100 scale itself.</summary>
    public static SmpScale Percent { get; } = new(0, 100);

    /// <summary>Maps a native value onto 0–100 (50 when the scale has zero width).</summary>
    public double ToPercent(double native) =>
        Low == 0 && High == 100 ? native : (High > Low ? 100 * (native - Low) / (High - Low) : 50);

    /// <summary>Maps a 0–100 value back to native units.</summary>
    public double ToNative(double percent) => Low == 0 && High == 100 ? percent : Low + ((percent / 100) * (High - Low));
}

/// <summary>How <see cref="SmpInput.FromScenario"/> turns Parley's per-issue capabilities into SMP's one capability per actor.</summary>
public enum SmpCapabilityRule
{
    /// <summary>Salience-weighted mean over the issues the actor takes part in (plain mean when all its saliences are 0).</summary>
    SalienceWeightedMean,
    /// <summary>The largest of the actor's capabilities.</summary>
    Max,
}

/// <summary>
/// The numbers SMP needs: N actors, each with one capability and, on each of D dimensions, a position and a salience
/// (both 0–100), plus an optional ideal-accommodation matrix. Immutable and valid once constructed.
/// </summary>
/// <remarks>
/// Invariants: N ≥ 2 (KTAB itself needs 3 ≤ N ≤ 250; the readers of KTAB files enforce that), D ≥ 1, capabilities
/// finite and &gt; 0, positions and saliences in [0, 100], each actor's saliences sum to at most 100 and at least one is
/// &gt; 0 (KTAB throws otherwise), accommodation entries finite.
/// </remarks>
public sealed class SmpInput
{
    // Salience sums are checked with this slack so that decimal inputs summing to exactly 100 are not rejected.
    private const double SalienceSumSlack = 1e-9;

    private readonly double[] _positions;
    private readonly double[] _saliences;
    private readonly double[] _capabilities;
    private readonly double[]? _accommodation;

    private SmpInput(string name, string[] actorIds, string[] dimensionIds, SmpScale[] scales, double[] capabilities, double[] positions, double[] saliences, double[]? accommodation, string[] notes)
    {
        Name = name;
        ActorIds = actorIds;
        DimensionIds = dimensionIds;
        Scales = scales;
        _capabilities = capabilities;
        _positions = positions;
        _saliences = saliences;
        _accommodation = accommodation;
        Notes = notes;
    }

    /// <summary>A label for messages and reports (scenario name); may be empty.</summary>
    public string Name { get; }

    /// <summary>Actor ids, in the order every per-actor result uses.</summary>
    public IReadOnlyList<string> ActorIds { get; }

    /// <summary>Dimension ids, in the order every per-dimension result uses.</summary>
    public IReadOnlyList<string> DimensionIds { get; }

    /// <summary>Native scale of each dimension (0–100 unless built from a scenario).</summary>
    public IReadOnlyList<SmpScale> Scales { get; }

    /// <summary>What <see cref="FromScenario"/> had to adjust (e.g. rescaled saliences), for the user.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>N.</summary>
    public int ActorCount => ActorIds.Count;

    /// <summary>D.</summary>
    public int DimensionCount => DimensionIds.Count;

    /// <summary>True when an ideal-accommodation matrix was given; otherwise it is the identity (ideal = position).</summary>
    public bool HasAccommodation => _accommodation is not null;

    /// <summary>Capability of <paramref name="actor"/>, &gt; 0.</summary>
    public double Capability(int actor) => _capabilities[actor];

    /// <summary>Position of <paramref name="actor"/> on <paramref name="dimension"/>, 0–100.</summary>
    public double Position(int actor, int dimension) => _positions[(actor * DimensionCount) + dimension];

    /// <summary>Salience of <paramref name="dimension"/> to <paramref name="actor"/>, 0–100.</summary>
    public double Salience(int actor, int dimension) => _saliences[(actor * DimensionCount) + dimension];

    /// <summary>How far <paramref name="adjusting"/>'s ideal moves toward <paramref name="reference"/>'s new position each turn (identity when none was given).</summary>
    public double Accommodation(int adjusting, int reference) =>
        _accommodation is null ? (adjusting == reference ? 1 : 0) : _accommodation[(adjusting * ActorCount) + reference];

    internal ReadOnlySpan<double> PositionsFlat => _positions;

    internal ReadOnlySpan<double> SaliencesFlat => _saliences;

    internal ReadOnlySpan<double> CapabilitiesFlat => _capabilities;

    internal double[]? AccommodationFlat => _accommodation;

    /// <summary>Builds a validated input; arrays are copied.</summary>
    /// <param name="actorIds">N distinct ids.</param>
    /// <param name="dimensionIds">D ids.</param>
    /// <param name="capabilities">N values, finite and &gt; 0.</param>
    /// <param name="positions">N×D, each in [0, 100].</param>
    /// <param name="saliences">N×D, each in [0, 100], row sums ≤ 100, some entry of each row &gt; 0.</param>
    /// <param name="scales">D native scales (default 0–100).</param>
    /// <param name="accommodation">Optional N×N ideal-accommodation matrix a (row: adjusting actor); null = identity.</param>
    /// <param name="name">Label for messages.</param>
    /// <param name="notes">Remarks to carry along.</param>
    /// <exception cref="ArgumentException">A value breaks an invariant; the message names actor, dimension and value.</exception>
    public static SmpInput Create(
        IReadOnlyList<string> actorIds,
        IReadOnlyList<string> dimensionIds,
        IReadOnlyList<double> capabilities,
        double[,] positions,
        double[,] saliences,
        IReadOnlyList<SmpScale>? scales = null,
        double[,]? accommodation = null,
        string? name = null,
        IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(actorIds);
        ArgumentNullException.ThrowIfNull(dimensionIds);
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(saliences);
        var n = actorIds.Count;
        var d = dimensionIds.Count;
        if (n < 2)
        {
            throw new ArgumentException($"SMP needs at least 2 actors; got {n}.", nameof(actorIds));
        }

        if (d < 1)
        {
            throw new ArgumentException("SMP needs at least 1 dimension; got 0.", nameof(dimensionIds));
        }

        if (actorIds.Distinct(StringComparer.Ordinal).Count() != n)
        {
            var dup = actorIds.GroupBy(a => a, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
            throw new ArgumentException($"Actor id '{dup}' occurs more than once.", nameof(actorIds));
        }

        CheckShape(capabilities.Count, n, nameof(capabilities));
        CheckShape(positions.GetLength(0), n, nameof(positions));
        CheckShape(positions.GetLength(1), d, nameof(positions));
        CheckShape(saliences.GetLength(0), n, nameof(saliences));
        CheckShape(saliences.GetLength(1), d, nameof(saliences));
        if (scales is not null)
        {
            CheckShape(scales.Count, d, nameof(scales));
        }

        var caps = new double[n];
        var pos = new double[n * d];
        var sal = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            var c = capabilities[i];
            if (!(double.IsFinite(c) && c > 0))
            {
                throw new ArgumentException($"Capability of actor '{actorIds[i]}' must be a finite number > 0; got {c}.", nameof(capabilities));
            }

            caps[i] = c;
            double sum = 0;
            for (var k = 0; k < d; k++)
            {
                var p = positions[i, k];
                var s = saliences[i, k];
                if (!(p >= 0 && p <= 100))
                {
                    throw new ArgumentException($"Position of actor '{actorIds[i]}' on '{dimensionIds[k]}' must be in [0, 100]; got {p}.", nameof(positions));
                }

                if (!(s >= 0 && s <= 100))
                {
                    throw new ArgumentException($"Salience of '{dimensionIds[k]}' to actor '{actorIds[i]}' must be in [0, 100]; got {s}.", nameof(saliences));
                }

                pos[(i * d) + k] = p;
                sal[(i * d) + k] = s;
                sum += s;
            }

            if (sum > 100 + SalienceSumSlack)
            {
                throw new ArgumentException($"Saliences of actor '{actorIds[i]}' sum to {sum}; they must sum to at most 100.", nameof(saliences));
            }

            if (sum <= 0)
            {
                throw new ArgumentException($"Actor '{actorIds[i]}' has salience 0 on every dimension; SMP (like KTAB) needs some salience > 0.", nameof(saliences));
            }
        }

        double[]? acc = null;
        if (accommodation is not null)
        {
            CheckShape(accommodation.GetLength(0), n, nameof(accommodation));
            CheckShape(accommodation.GetLength(1), n, nameof(accommodation));
            acc = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var a = accommodation[i, j];
                    if (!double.IsFinite(a))
                    {
                        throw new ArgumentException($"Accommodation of '{actorIds[i]}' toward '{actorIds[j]}' must be finite; got {a}.", nameof(accommodation));
                    }

                    acc[(i * n) + j] = a;
                }
            }
        }

        var sc = scales?.ToArray() ?? Enumerable.Repeat(SmpScale.Percent, d).ToArray();
        foreach (var s in sc)
        {
            if (!(double.IsFinite(s.Low) && double.IsFinite(s.High) && s.High >= s.Low))
            {
                throw new ArgumentException($"Scale [{s.Low}, {s.High}] must be finite with high ≥ low.", nameof(scales));
            }
        }

        return new SmpInput(name ?? string.Empty, [.. actorIds], [.. dimensionIds], sc, caps, pos, sal, acc, notes?.ToArray() ?? []);
    }

    /// <summary>
    /// Maps a Parley scenario onto SMP: issues become dimensions (in order), each value's <paramref name="stat"/>
    /// (the mode by default) is used, positions are rescaled from the issue's scale to 0–100, saliences kept on 0–100.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Capability: SMP has one per actor; <paramref name="capabilityRule"/> combines the actor's per-issue ones
    /// (salience-weighted mean by default, which is exact for scenarios read from KTAB files).</item>
    /// <item>An actor abstaining from an issue gets salience 0 there and the plain mean of the participants' positions.</item>
    /// <item>An actor whose saliences sum to more than 100 has them scaled down proportionally to sum to 100 (SMP reads
    /// the sum as the probability that a challenged actor contests), with a note.</item>
    /// <item>Positions outside the issue's scale are clamped, with a note.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentException">An actor takes part in no issue, has salience 0 everywhere or capability 0.</exception>
    public static SmpInput FromScenario(Scenario scenario, SmpCapabilityRule capabilityRule = SmpCapabilityRule.SalienceWeightedMean, EstimateStat stat = EstimateStat.Mode)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var issues = scenario.Issues;
        var actors = scenario.Actors;
        var n = actors.Count;
        var d = issues.Count;
        var notes = new List<string>();
        var scales = issues.Select(i => new SmpScale(i.ScaleLow, i.ScaleHigh)).ToArray();
        var means = new double[d];
        for (var k = 0; k < d; k++)
        {
            var vals = scenario.ValuesOn(issues[k].Id);
            means[k] = vals.Count == 0 ? 50 : vals.Average(v => scales[k].ToPercent(v.Position.Get(stat)));
        }

        var pos = new double[n, d];
        var sal = new double[n, d];
        var caps = new double[n];
        for (var i = 0; i < n; i++)
        {
            var actor = actors[i];
            double capSum = 0, capWeight = 0, capPlain = 0, capMax = double.NegativeInfinity, capMin = double.PositiveInfinity, salSum = 0;
            var count = 0;
            for (var k = 0; k < d; k++)
            {
                var v = scenario.FindValue(actor.Id, issues[k].Id);
                if (v is null)
                {
                    pos[i, k] = means[k];
                    sal[i, k] = 0;
                    continue;
                }

                count++;
                var p = scales[k].ToPercent(v.Position.Get(stat));
                if (p < 0 || p > 100)
                {
                    notes.Add($"Position of '{actor.Id}' on '{issues[k].Id}' lies outside the issue's scale; clamped to it.");
                    p = Math.Clamp(p, 0, 100);
                }

                var s = Math.Clamp(v.Salience.Get(stat), 0, 100);
                var c = v.Capability.Get(stat);
                pos[i, k] = p;
                sal[i, k] = s;
                salSum += s;
                capSum += s * c;
                capWeight += s;
                capPlain += c;
                capMax = Math.Max(capMax, c);
                capMin = Math.Min(capMin, c);
            }

            if (count == 0)
            {
                throw new ArgumentException($"Actor '{actor.Id}' takes part in no issue; SMP needs at least one salience > 0 per actor.", nameof(scenario));
            }

            // Equal capabilities (always so for scenarios read from KTAB files) are taken as they are, so that a
            // weighted mean's rounding cannot change them.
            caps[i] = capMin == capMax ? capMax : capabilityRule switch
            {
                SmpCapabilityRule.Max => capMax,
                _ => capWeight > 0 ? capSum / capWeight : capPlain / count,
            };

            if (salSum > 100)
            {
                notes.Add($"Saliences of '{actor.Id}' sum to {salSum:0.##} > 100; scaled to sum to 100.");
                for (var k = 0; k < d; k++)
                {
                    sal[i, k] = Math.Min(100, sal[i, k] * 100 / salSum);
                }
            }
        }

        return Create(actors.Select(a => a.Id).ToArray(), issues.Select(i => i.Id).ToArray(), caps, pos, sal, scales, null, scenario.Name, notes);
    }

    private static void CheckShape(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected {expected} entries; got {actual}.", name);
        }
    }
}
