using System.Globalization;
using System.Text;
using Parley.Core.Models.Smp;
using Parley.Core.Scenarios;

namespace Parley.Formats.Ktab;

/// <summary>
/// Writes a scenario as a KTAB SMP CSV file that <see cref="KtabCsvReader"/> and KTAB's <c>smpc --csv</c> read.
/// The scenario goes through <see cref="SmpInput.FromScenario"/> first, so positions are rescaled to 0–100, each actor
/// gets one capability (salience-weighted mean of its per-issue capabilities), abstentions become salience 0 at the mean
/// position, and saliences summing to more than 100 are scaled down. Numbers are written in round-trip form.
/// </summary>
public static class KtabCsvWriter
{
    /// <summary>The CSV text for <paramref name="scenario"/> (the mode of every estimate).</summary>
    /// <exception cref="ArgumentException">The scenario cannot be expressed for KTAB: an actor id longer than 25 characters, fewer than 3 or more than 250 actors, or an actor SMP cannot run (see <see cref="SmpInput.FromScenario"/>).</exception>
    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var input = SmpInput.FromScenario(scenario);
        var description = scenario.Metadata.Title ?? string.Empty;
        var descriptions = scenario.Actors.Select(a => a.Description ?? a.Name).ToArray();
        return Write(input, scenario.Name, description, descriptions);
    }

    /// <summary>The CSV text for an SMP input.</summary>
    /// <param name="input">Actors, dimensions and numbers (0–100).</param>
    /// <param name="name">Scenario name for row 1.</param>
    /// <param name="description">Scenario description for row 1.</param>
    /// <param name="actorDescriptions">One per actor, or null to repeat the ids.</param>
    public static string Write(SmpInput input, string name, string description, IReadOnlyList<string>? actorDescriptions = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var n = input.ActorCount;
        var d = input.DimensionCount;
        if (n < KtabCsvReader.MinActors || n > KtabCsvReader.MaxActors)
        {
            throw new ArgumentException($"KTAB needs {KtabCsvReader.MinActors}–{KtabCsvReader.MaxActors} actors; the scenario has {n}.", nameof(input));
        }

        var tooLong = input.ActorIds.FirstOrDefault(a => a.Length > KtabCsvReader.MaxNameLength);
        if (tooLong is not null)
        {
            throw new ArgumentException($"Actor id '{tooLong}' has {tooLong.Length} characters; KTAB allows at most {KtabCsvReader.MaxNameLength}.", nameof(input));
        }

        var sb = new StringBuilder();
        sb.Append(Text(name)).Append(',').Append(Text(description)).Append(',').Append(n.ToString(CultureInfo.InvariantCulture)).Append(',').Append(d.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        sb.Append("Actor,Description,Capability,");
        for (var k = 0; k < d; k++)
        {
            sb.Append(Text(input.DimensionIds[k])).Append(',').Append("Salience,");
        }

        sb.Append('\n');
        for (var i = 0; i < n; i++)
        {
            sb.Append(Text(input.ActorIds[i])).Append(',').Append(Text(actorDescriptions?[i] ?? input.ActorIds[i])).Append(',').Append(Num(input.Capability(i))).Append(',');
            for (var k = 0; k < d; k++)
            {
                sb.Append(Num(input.Position(i, k))).Append(',').Append(Num(input.Salience(i, k))).Append(',');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    // Quotes only when needed; KTAB's own reader strips quotes but may not honour commas inside them, so a note in
    // docs/smp.md warns that such text is best avoided when the file is meant for KTAB.
    private static string Text(string s)
    {
        var t = s.Replace('\n', ' ').Replace('\r', ' ');
        return t.Contains(',', StringComparison.Ordinal) || t.Contains('"', StringComparison.Ordinal) ? "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : t;
    }
}
