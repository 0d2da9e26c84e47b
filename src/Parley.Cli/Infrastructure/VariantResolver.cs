using Parley.Core.Scenarios;

namespace Parley.Cli.Infrastructure;

/// <summary>Applies a --variant option with a helpful error.</summary>
internal static class VariantResolver
{
    public static Scenario Apply(Scenario scenario, string? variant)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            return scenario.WithVariant(variant);
        }
        catch (KeyNotFoundException)
        {
            var known = scenario.Variants.Count == 0 ? "this scenario has none" : string.Join(", ", scenario.Variants.Select(v => v.Id));
            throw new UserInputException($"--variant '{variant}' is not a variant of scenario '{scenario.Id}'. Known variants: {known}.");
        }
    }
}
