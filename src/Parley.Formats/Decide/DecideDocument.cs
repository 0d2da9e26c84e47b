using Parley.Core.Models.Exchange;
using Parley.Core.Scenarios;

namespace Parley.Formats.Decide;

/// <summary>An <c>#A</c> record.</summary>
internal sealed record DecideActor(string Id, string FullName, string Comment);

/// <summary>A <c>#P</c> record with its <c>#M</c> scale points (file order).</summary>
internal sealed record DecideIssue(string Id, string Description, string Comment)
{
    public List<(decimal Value, string Meaning)> Points { get; } = [];

    /// <summary>[min, max] of the #M values, or [0, 100] without any.</summary>
    public (decimal Lower, decimal Upper) Bounds => Points.Count == 0 ? (0m, 100m) : (Points.Min(p => p.Value), Points.Max(p => p.Value));
}

/// <summary>A <c>#D</c> record; salience is the file's 0–1 fraction.</summary>
internal sealed record DecideData(string ActorId, string IssueId, decimal Position, decimal Salience, decimal Power, string Comment);

/// <summary>A parsed, validated Decide file.</summary>
internal sealed class DecideDocument(string fileName)
{
    public string FileName { get; } = fileName;

    public string? Title { get; set; }

    public List<DecideActor> Actors { get; } = [];

    public List<DecideIssue> Issues { get; } = [];

    public List<DecideData> Data { get; } = [];

    public Scenario ToScenario()
    {
        var id = Path.GetFileNameWithoutExtension(FileName);
        var issues = Issues.Select(i =>
        {
            var (lo, hi) = i.Bounds;
            var anchors = i.Points.OrderBy(p => p.Value).Select(p => new Anchor((double)p.Value, p.Meaning)).ToList();
            return new Issue(i.Id, i.Description.Length == 0 ? i.Id : i.Description, Empty(i.Comment), (double)lo, (double)hi, i.Points.Count > 0, anchors, null, null, Evidence.None);
        }).ToList();
        var actors = Actors.Select(a => new Actor(a.Id, a.FullName.Length == 0 ? a.Id : a.FullName, Empty(a.Comment), Evidence.None)).ToList();

        // Values actor-major in actor order, then issue order, whatever the file order.
        var values = new List<ActorIssueValue>();
        foreach (var a in Actors)
        {
            foreach (var i in Issues)
            {
                var d = Data.FirstOrDefault(x => x.ActorId == a.Id && x.IssueId == i.Id);
                if (d is not null)
                {
                    values.Add(new ActorIssueValue(
                        d.ActorId,
                        d.IssueId,
                        Estimate.Exactly((double)d.Position),
                        Estimate.Exactly((double)(d.Salience * 100m)),
                        Estimate.Exactly((double)d.Power),
                        d.Comment.Length == 0 ? Evidence.None : new Evidence(null, [], d.Comment)));
                }
            }
        }

        return new Scenario(id, Title ?? id, ScenarioMetadata.Empty with { Title = Title }, issues, actors, values);
    }

    public ExchangeInput ToExchangeInput()
    {
        var issues = Issues.Select(i => new ExchangeIssue(i.Id, i.Bounds.Lower, i.Bounds.Upper)).ToList();
        var values = Data.Select(d => new ExchangeValue(d.ActorId, d.IssueId, d.Position, d.Salience, d.Power)).ToList();
        return ExchangeInput.Create(Actors.Select(a => a.Id).ToList(), issues, values);
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}
