using Parley.Reports.Png;

namespace Parley.Reports.Tests.Png;

public sealed class PngExporterTests : IDisposable
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-png-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Write_Korea_WritesEveryChartOfEveryIssueAsPng()
    {
        // Given the Korea report (few draws: only the files are checked here)
        var input = KoreaReport.Build(draws: 200);

        // When
        var written = PngExporter.Write(input, _dir);

        // Then one file per issue and chart kind, each a PNG of the stated size
        var expected = input.Scenario.Issues.SelectMany(i => PngExporter.Kinds.Select(k => Path.Combine(_dir, PngExporter.FileName(i.Id, k)))).ToList();
        Assert.Equal(36, expected.Count);
        Assert.Equal(expected, written);
        foreach (var path in expected)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000, $"{path} is only {bytes.Length} bytes");
            Assert.Equal(Signature, bytes[..8]);
            // IHDR: width and height, big-endian, at bytes 16..23.
            Assert.Equal(PngExporter.Width, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
            Assert.Equal(PngExporter.Height, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
        }
    }
}
