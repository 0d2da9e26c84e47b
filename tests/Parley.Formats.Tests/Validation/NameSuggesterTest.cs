using Parley.Core.Scenarios.Validation;

namespace Parley.Formats.Tests.Validation;

public class NameSuggesterTest
{
    [Theory]
    [InlineData("salence", "salience")]
    [InlineData("Capabilty", "capability")]
    [InlineData("postiion", "position")]
    [InlineData("zzzzzz", null)]
    public void Closest_Typo_SuggestsNearestOrNothing(string typo, string? expected)
    {
        Assert.Equal(expected, NameSuggester.Closest(typo, ["position", "salience", "capability"]));
    }
}
