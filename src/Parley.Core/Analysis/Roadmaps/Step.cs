using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Roadmaps;

/// <summary>How one step moves one issue.</summary>
/// <param name="IssueId">The issue moved.</param>
/// <param name="Shift">Points added to the issue's outcome, native units of the issue's scale; negative moves it down. Finite.</param>
public sealed record StepEffect(string IssueId, double Shift);

/// <summary>
/// One concession or action a party can give in a negotiated roadmap, e.g. a DPRK testing moratorium or US sanctions
/// relief with snap-back. Validated as part of a <see cref="StepLibrary"/>.
/// </summary>
/// <param name="Id">Unique id within the library; also the tie-break key of the planner (ordinal order).</param>
/// <param name="Name">Display name.</param>
/// <param name="Owner">The actor who gives the step.</param>
/// <param name="Effects">Shift per issue; at most one effect per issue. Effects of several steps add up.</param>
/// <param name="Prerequisites">Ids of steps that must have been taken in an earlier stage.</param>
/// <param name="Reversible">True when the owner can take the step back (e.g. relief with snap-back); reported, not used to rank.</param>
/// <param name="Evidence">The chapter quote or analyst note behind the step and its effect sizes.</param>
public sealed record Step(
    string Id,
    string Name,
    string Owner,
    IReadOnlyList<StepEffect> Effects,
    IReadOnlyList<string> Prerequisites,
    bool Reversible,
    Evidence Evidence)
{
    /// <summary>The shift on <paramref name="issueId"/>, 0 when the step does not move it.</summary>
    public double ShiftOn(string issueId)
    {
        foreach (var e in Effects)
        {
            if (e.IssueId == issueId)
            {
                return e.Shift;
            }
        }

        return 0;
    }
}
