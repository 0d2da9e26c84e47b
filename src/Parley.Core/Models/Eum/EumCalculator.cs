namespace Parley.Core.Models.Eum;

/// <summary>
/// The quantities of one EUM round evaluated at an issue's initial state (shared/spec/eum.md §3–§5):
/// the median, the security sums and risk exponents, the win probabilities P(i,j) under each voter's
/// exponent, and expected utilities E(i→j; ρ). For diagnostics and for checking the published
/// figures of Scholz et al. (2011), Figs. 7–11; <see cref="EumModel"/> does not need it.
/// </summary>
/// <remarks>Immutable after construction. Actor arguments are indices into <see cref="IssueInput.ActorIds"/>.</remarks>
public sealed class EumCalculator
{
    private readonly EumEngine _engine;

    private EumCalculator(EumEngine engine)
    {
        _engine = engine;
    }

    /// <summary>Actor count.</summary>
    public int Count => _engine.Count;

    /// <summary>Weighted median μ of the initial positions (native units).</summary>
    public double Median => _engine.Median;

    /// <summary>Scale length L (native units).</summary>
    public double ScaleLength => _engine.ScaleLength;

    /// <summary>
    /// Evaluates round 1 for <paramref name="input"/> under <paramref name="options"/> (Q and the scale rule matter;
    /// the round count does not). Requires at least two distinct positions.
    /// </summary>
    public static EumCalculator ForInitialState(IssueInput input, EumOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var engine = new EumEngine(Math.Max(1, input.Count));
        engine.Load(input, options ?? EumOptions.Default);
        if (engine.IsTrivial)
        {
            throw new ArgumentException("All positions are equal, so there is no round to evaluate.", nameof(input));
        }

        engine.PrepareRound();
        return new EumCalculator(engine);
    }

    /// <summary>Risk exponent rᵢ ∈ [0.5, 2] of actor <paramref name="i"/> (§5).</summary>
    public double RiskExponent(int i) => _engine.RiskExponents[CheckIndex(i)];

    /// <summary>Security sum Dᵢ = Σ_{j≠i} E(j→i; 1), the utility others expect from challenging <paramref name="i"/> (§5).</summary>
    public double Threat(int i) => _engine.Threats[CheckIndex(i)];

    /// <summary>P(i,j) ∈ [0,1]: votes for xᵢ over xⱼ under every voter's rₖ, over the all-pairs total (§3).</summary>
    public double Probability(int i, int j) => _engine.Probability(CheckIndex(i), CheckIndex(j));

    /// <summary>E(challenger→target; ρ), the utility to the challenger of challenging the target, with P(challenger, target) (§4). Unit-free, in [−4, 4].</summary>
    /// <param name="challenger">Index of the challenging actor i.</param>
    /// <param name="target">Index of the challenged actor j.</param>
    /// <param name="rho">Risk exponent, &gt; 0.</param>
    public double ExpectedUtility(int challenger, int target, double rho)
    {
        if (!(rho > 0) || !double.IsFinite(rho))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, $"A risk exponent must be finite and positive; got {rho}.");
        }

        return _engine.ExpectedUtility(CheckIndex(challenger), CheckIndex(target), rho);
    }

    private int CheckIndex(int i, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(i))] string? name = null)
    {
        if (i < 0 || i >= _engine.Count)
        {
            throw new ArgumentOutOfRangeException(name, i, $"Actor index should be in range [0-{_engine.Count - 1}]; got {i}.");
        }

        return i;
    }
}
