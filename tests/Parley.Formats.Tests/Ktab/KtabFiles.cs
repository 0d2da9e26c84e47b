using Parley.Core.Scenarios;
using Parley.Testing;

namespace Parley.Formats.Tests.Ktab;

internal static class KtabFiles
{
    public static string Input(string file) => SharedData.File("data", "ktab", "inputs", file);

    public static IEnumerable<object[]> CsvFiles() =>
        Directory.GetFiles(SharedData.File("data", "ktab", "inputs"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(f => new object[] { f! });

    /// <summary>Asserts two scenarios carry the same issues, actors and values (exact numbers).</summary>
    public static void AssertSameScenario(Scenario expected, Scenario actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Metadata.Title, actual.Metadata.Title);
        Assert.Equal(expected.Issues.Select(i => (i.Id, i.Name, i.ScaleLow, i.ScaleHigh)), actual.Issues.Select(i => (i.Id, i.Name, i.ScaleLow, i.ScaleHigh)));
        Assert.Equal(expected.Actors.Select(a => (a.Id, a.Name, a.Description)), actual.Actors.Select(a => (a.Id, a.Name, a.Description)));
        Assert.Equal(
            expected.Values.Select(v => (v.ActorId, v.IssueId, v.Position, v.Salience, v.Capability)),
            actual.Values.Select(v => (v.ActorId, v.IssueId, v.Position, v.Salience, v.Capability)));
    }
}
