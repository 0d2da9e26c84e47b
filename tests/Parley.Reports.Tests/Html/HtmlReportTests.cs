using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Parley.Reports.Charts;
using Parley.Reports.Html;

namespace Parley.Reports.Tests.Html;

public sealed partial class HtmlReportTests(KoreaReportFixture korea) : IClassFixture<KoreaReportFixture>
{
    private static XDocument Parse(string html) => XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));

    [Fact]
    public void Render_Korea_IsWellFormedXmlAfterTheDoctype()
    {
        // Given the report of the embedded Korea scenario, When the doctype is stripped, Then an XML parser accepts it.
        Assert.StartsWith("<!DOCTYPE html>\n<html", korea.Html, StringComparison.Ordinal);
        var doc = Parse(korea.Html);
        Assert.Equal("html", doc.Root!.Name.LocalName);
    }

    [Fact]
    public void Render_Korea_HasEveryChartForAllSixIssues()
    {
        var doc = Parse(korea.Html);
        var byId = doc.Descendants().Where(e => e.Attribute("id") is not null).ToDictionary(e => (string)e.Attribute("id")!, StringComparer.Ordinal);
        var issues = korea.Input.Scenario.Issues;
        Assert.Equal(6, issues.Count);
        foreach (var issue in issues)
        {
            Assert.True(byId.ContainsKey("issue-" + issue.Id), $"section of {issue.Id}");
            foreach (var kind in ChartIds.All)
            {
                var id = ChartIds.Id(kind, issue.Id);
                Assert.True(byId.TryGetValue(id, out var element), $"missing {id}");
                var classes = ((string?)element!.Attribute("class") ?? string.Empty).Split(' ');
                Assert.Contains(ChartIds.Class(kind), classes);
                // Every chart is drawn, not replaced by a "nothing to show" note.
                Assert.DoesNotContain("missing", classes);
                Assert.Equal(kind == ChartIds.Evidence ? "table" : "svg", element.Name.LocalName);
            }
        }
    }

    [Fact]
    public void Render_Korea_ChartsHoldTheirData()
    {
        var doc = Parse(korea.Html);
        var issue = korea.Input.Scenario.Issues[0];
        XElement Chart(string kind) => doc.Descendants().Single(e => (string?)e.Attribute("id") == ChartIds.Id(kind, issue.Id));

        // One bubble per actor with a value on the issue; one forecast row and one histogram panel per model.
        Assert.Equal(korea.Input.Scenario.ValuesOn(issue.Id).Count, Chart(ChartIds.ActorMap).Descendants().Count(e => (string?)e.Attribute("class") == "bubble"));
        foreach (var kind in new[] { ChartIds.Forecast, ChartIds.Histogram, ChartIds.Tornado })
        {
            var models = Chart(kind).Descendants().Where(e => e.Attribute("data-model") is not null).Select(e => (string)e.Attribute("data-model")!).ToList();
            Assert.Equal(["compromise", "median", "eum"], models);
        }

        // p10, p50 and p90 are marked on each histogram panel.
        var labels = Chart(ChartIds.Histogram).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        foreach (var q in new[] { "p10 ", "p50 ", "p90 " })
        {
            Assert.Equal(3, labels.Count(l => l.StartsWith(q, StringComparison.Ordinal)));
        }

        // The eum trajectory has one line per actor plus the median.
        Assert.Equal(korea.Input.Forecast.Issues[0].Input.Count, Chart(ChartIds.Trajectory).Descendants().Count(e => (string?)e.Attribute("class") == "actor-path"));
        Assert.Single(Chart(ChartIds.Trajectory).Descendants(), e => (string?)e.Attribute("class") == "median-path");

        // Every compared variant appears in the variant chart, each with one row per model.
        var variants = Chart(ChartIds.Variants).Descendants().Where(e => e.Attribute("data-variant") is not null).ToList();
        Assert.Equal(korea.Input.Variants!.Variants.Select(v => v.VariantId), variants.Select(v => (string)v.Attribute("data-variant")!));
        Assert.All(variants, v => Assert.Equal(3, v.Elements().Count(e => e.Attribute("data-model") is not null)));
    }

    [Fact]
    public void Render_Korea_HasNoExternalReference()
    {
        var html = korea.Html;
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        // Every src/href is an in-page fragment.
        foreach (Match m in SrcOrHref().Matches(html))
        {
            Assert.StartsWith("#", m.Groups["v"].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_Korea_HeaderGivesMetadataAccuracyAndSummary()
    {
        var doc = Parse(korea.Html);
        var header = doc.Descendants().Single(e => (string?)e.Attribute("id") == "report-header").Value;
        Assert.Contains("Korean Peninsula dialogue, 2025", header, StringComparison.Ordinal);
        Assert.Contains("2024-12-06", header, StringComparison.Ordinal);
        Assert.Contains("seed 1", header, StringComparison.Ordinal);
        var accuracy = doc.Descendants().Single(e => (string?)e.Attribute("id") == "accuracy").Value;
        Assert.Contains("351 EU decisions", accuracy, StringComparison.Ordinal);
        Assert.Contains("compromise 23", accuracy, StringComparison.Ordinal);
        Assert.Contains("eum 27", accuracy, StringComparison.Ordinal);
        var summary = doc.Descendants().Single(e => (string?)e.Attribute("id") == "summary").Value;
        Assert.Contains("The models agree on", summary, StringComparison.Ordinal);
        Assert.Equal(6, doc.Descendants().Single(e => (string?)e.Attribute("id") == "summary").Descendants().Count(e => e.Name.LocalName == "li"));
    }

    [Fact]
    public void Render_NoDateGiven_PrintsNoGenerationDate_DateGiven_PrintsIt()
    {
        Assert.DoesNotContain("Generated", korea.Html, StringComparison.Ordinal);
        var dated = HtmlReport.Render(korea.Input with { GeneratedOn = "2025-01-31" });
        Assert.Contains("<dt>Generated</dt><dd>2025-01-31</dd>", dated, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildAndRender_SameInputsAndSeed_ByteIdentical()
    {
        // Given a second, independent run with the same inputs and seed, Then the HTML is the same, byte for byte.
        var watch = Stopwatch.StartNew();
        var again = HtmlReport.Render(KoreaReport.Build());
        watch.Stop();
        Assert.Equal(korea.Html, again);
        // Budget 10 s on a quiet machine; asserted with a 6x margin because the test machines are shared and loaded.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Korea report took {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void BuildAndRender_OtherSeed_Differs()
    {
        var other = HtmlReport.Render(KoreaReport.Build(draws: 300, seed: 2));
        Assert.NotEqual(korea.Html, other);
    }

    [GeneratedRegex("\\b(?:src|href)\\s*=\\s*\"(?<v>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SrcOrHref();
}
