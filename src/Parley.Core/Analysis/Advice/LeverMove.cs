using System.Globalization;
using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Advice;

/// <summary>What kind of change a lever move is.</summary>
public enum LeverKind
{
    /// <summary>The advisee moves its own position toward the forecast (gives ground).</summary>
    Concede,

    /// <summary>The advisee raises its own salience (puts more weight behind the issue).</summary>
    RaiseOwnSalience,

    /// <summary>The advisee persuades another actor to move its position toward the advisee's.</summary>
    PersuadePosition,

    /// <summary>The advisee persuades another actor to care more (if it pulls the advisee's way) or less (if it pulls the other way).</summary>
    PersuadeSalience,
}

/// <summary>
/// One atomic change: <see cref="ActorId"/>'s <see cref="Field"/> on <see cref="IssueId"/> is shifted by
/// <see cref="Shift"/> (low, mode and high together, clamped to the field's domain). Immutable.
/// </summary>
/// <param name="Kind">What the move is.</param>
/// <param name="ActorId">The actor whose value changes (the advisee for own moves).</param>
/// <param name="IssueId">The issue.</param>
/// <param name="Field">Position or salience.</param>
/// <param name="From">The most-likely value before the move (native units for a position, 0–100 for a salience).</param>
/// <param name="Shift">Signed change of the most-likely value after clamping, same units; never 0.</param>
/// <param name="Cost">The move's cost, see <see cref="LeverCost"/>; &gt; 0.</param>
public sealed record LeverMove(LeverKind Kind, string ActorId, string IssueId, ValueField Field, double From, double Shift, double Cost)
{
    /// <summary>The most-likely value after the move.</summary>
    public double To => From + Shift;

    /// <summary>A stable, human-readable description, e.g. <c>persuade usa: position on deal-scope +20 (40 → 60)</c>.</summary>
    public string Description
    {
        get
        {
            var what = Field == ValueField.Position ? "position" : "salience";
            var change = string.Create(CultureInfo.InvariantCulture, $"{what} on {IssueId} {(Shift > 0 ? "+" : "−")}{Math.Abs(Shift):0.##} ({From:0.##} → {To:0.##})");
            return Kind switch
            {
                LeverKind.Concede => $"{ActorId} concedes: {change}",
                LeverKind.RaiseOwnSalience => $"{ActorId} raises own {change}",
                _ => $"persuade {ActorId}: {change}",
            };
        }
    }

    /// <summary>The scenario delta that makes the move: the actor's whole estimate shifted and clamped.</summary>
    /// <param name="scenario">The scenario the move applies to (its value for the actor and issue must exist).</param>
    /// <exception cref="KeyNotFoundException">The actor abstains from the issue, or the issue is unknown.</exception>
    public SetValueDelta ToDelta(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var issue = scenario.FindIssue(IssueId) ?? throw new KeyNotFoundException($"Unknown issue '{IssueId}'.");
        var value = scenario.FindValue(ActorId, IssueId) ?? throw new KeyNotFoundException($"Actor '{ActorId}' takes no part in issue '{IssueId}'.");
        var e = value.Get(Field);
        var (lo, hi) = Field == ValueField.Position ? (issue.ScaleLow, issue.ScaleHigh) : (0.0, 100.0);
        var shifted = new Estimate(Math.Clamp(e.Low + Shift, lo, hi), Math.Clamp(e.Mode + Shift, lo, hi), Math.Clamp(e.High + Shift, lo, hi));
        return new SetValueDelta { ActorId = ActorId, IssueId = IssueId, Field = Field, Value = shifted };
    }
}
