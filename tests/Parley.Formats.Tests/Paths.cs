using Parley.Testing;

namespace Parley.Formats.Tests;

/// <summary>Files the tests read.</summary>
internal static class Paths
{
    public static string KoreaJson => SharedData.File("scenarios", "korea-2025.json");

    public static string KoreaYaml => SharedData.InRepo("scenarios", "korea-2025.yaml");

    public static string EmissionYaml => SharedData.InRepo("scenarios", "emission-standards-1994.yaml");

    public static string EmissionCsv => SharedData.File("data", "emission-standards.csv");

    public static string EmissionWidenedCsv => SharedData.File("data", "emission-standards-widened.csv");

    public static string Schema => SharedData.InRepo("schema", "scenario.schema.json");

    public static string Fixture(string name) => SharedData.InRepo("tests", "Parley.Formats.Tests", "Fixtures", name);
}
