using Parley.Core.Scenarios;

namespace Parley.Formats.Tests;

public partial class ScenarioLoaderTest
{
    public static TheoryData<string> ShippedTexts => new() { Paths.KoreaYaml, Paths.KoreaJson, Paths.EmissionWidenedCsv };

    [Theory]
    [MemberData(nameof(ShippedTexts))]
    public void LoadText_TruncatedAnywhere_OnlyEverThrowsScenarioLoadException(string path)
    {
        // Given a shipped file cut at 60 evenly spaced points
        var text = File.ReadAllText(path);
        for (var k = 1; k <= 60; k++)
        {
            var cut = text[..(text.Length * k / 61)];

            // When it is loaded, then it either loads or fails with located problems, never with another exception
            try
            {
                ScenarioLoader.LoadText(cut, Path.GetFileName(path));
            }
            catch (ScenarioLoadException e)
            {
                Assert.NotEmpty(e.Problems);
                Assert.All(e.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
            }
        }
    }

    [Theory]
    [InlineData("position: 2\n", "position: 0x10\n", "position 16 is outside")]
    [InlineData("position: 2\n", "position: 0o7\n", "")]
    [InlineData("position: 2\n", "position: 0xFFFFFFFFFFFFFFFFFFFFFF\n", "is outside")]
    public void LoadText_HexAndOctal_AreNumbers(string find, string replace, string message)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        if (message.Length == 0)
        {
            Assert.Equal(7, ScenarioLoader.LoadText(text, "n.yaml").FindValue("north", "tariffs")!.Position.Mode);
            return;
        }

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText(text, "n.yaml"));
        Assert.Contains(message, Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }
}
