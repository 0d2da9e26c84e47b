namespace Parley.Core.Models.Eum;

/// <summary>
/// Settings of the expected-utility model. Immutable; every property is checked when set, including through
/// <c>with</c>, so an instance is always valid.
/// </summary>
public sealed record EumOptions
{
    private readonly int _rounds = 10;
    private readonly double _q = 1.0;

    /// <summary>The default settings: 10 rounds, Q = 1, declared scale used.</summary>
    public static EumOptions Default { get; } = new();

    /// <summary>
    /// τ, the maximum number of bargaining rounds; range [0-100000]. The run stops earlier at a fixed point.
    /// Default 10 (Scholz et al. 2011 use 8 for their test case).
    /// </summary>
    public int Rounds
    {
        get => _rounds;
        init
        {
            if (value < 0 || value > 100_000)
            {
                throw new ArgumentOutOfRangeException(nameof(Rounds), value, $"Value should be in range [0-100000]; got {value}.");
            }

            _rounds = value;
        }
    }

    /// <summary>
    /// Q, the probability that the status quo holds when an actor does not challenge; range [0-1], default 1.
    /// With Q = 1 the round's median plays no part in the utilities.
    /// </summary>
    public double Q
    {
        get => _q;
        init => _q = Guard.InRange(value, 0, 1, nameof(Q));
    }

    /// <summary>
    /// When true (default) the scale length is L = <see cref="IssueInput.ScaleHigh"/> − <see cref="IssueInput.ScaleLow"/>
    /// and positions outside that scale are rejected; when false L is the range of the initial positions
    /// (Scholz et al.'s x_max − x_min). Inputs created on their position range give the same L either way.
    /// </summary>
    public bool UseDeclaredScale { get; init; } = true;
}
