using Parley.Core.Scenarios;

namespace Parley.Core.Models.MultiIssue;

/// <summary>
/// Multi-issue models keep every actor on every issue; Parley's per-issue forecasts list only the actors that take
/// part in the issue (as <see cref="Scenario.ToIssueInput"/> does). This re-indexes a forecast's positions accordingly.
/// </summary>
internal static class ParticipantView
{
    public static IssueForecast Restrict(Scenario scenario, string issueId, IReadOnlyList<string> modelActorIds, IssueForecast forecast)
    {
        var participants = scenario.ValuesOn(issueId).Select(v => v.ActorId).ToList();
        var index = participants.Select(id => modelActorIds.ToList().IndexOf(id)).ToArray();
        if (index.Length == modelActorIds.Count && index.Select((m, k) => m == k).All(x => x))
        {
            return forecast;
        }

        var rounds = forecast.Rounds.Select(r => r with
        {
            Positions = index.Select(m => m >= 0 ? r.Positions[m] : double.NaN).ToArray(),
            RiskExponents = r.RiskExponents is null ? null : index.Select(m => m >= 0 ? r.RiskExponents[m] : double.NaN).ToArray(),
            Moves = [],
        }).ToList();
        return forecast with { Rounds = rounds };
    }
}
