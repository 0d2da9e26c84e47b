using Parley.Core.Scenarios;
using Parley.Formats;
using Parley.Testing;

namespace Parley.Formats.Tests;

public class SmokeTest
{
    [Fact]
    public void Korea()
    {
        try
        {
            var s = ScenarioLoader.LoadFile(SharedData.File("scenarios", "korea-2025.json"));
            Assert.Equal(6, s.Issues.Count);
        }
        catch (ScenarioLoadException e)
        {
            Assert.Fail(e.Message);
        }
    }
}
