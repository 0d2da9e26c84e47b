using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Scenarios;
using Parley.Formats.Writing;

namespace Parley.Web.Scenarios;

/// <summary>
/// Applies the editor grid's form fields to a scenario. Field names are <c>actor|issue|field|stat</c> (field:
/// position, salience, capability; stat: low, mode, high) and <c>actor|issue|note</c> for the evidence note.
/// Numbers that do not parse are reported at their cell; everything else is judged by the loader's validator after
/// the edited scenario is written back to YAML, and its problems are mapped to cells too.
/// </summary>
public static partial class ScenarioEdit
{
    /// <summary>Fields of a value, in grid order.</summary>
    public static IReadOnlyList<ValueField> Fields { get; } = [ValueField.Position, ValueField.Salience, ValueField.Capability];

    /// <summary>Statistics of an estimate, in grid order.</summary>
    public static IReadOnlyList<EstimateStat> Stats { get; } = [EstimateStat.Low, EstimateStat.Mode, EstimateStat.High];

    /// <summary>The form field name of one number.</summary>
    public static string FieldName(string actor, string issue, ValueField field, EstimateStat stat) =>
        $"{actor}|{issue}|{field.ToString().ToLowerInvariant()}|{stat.ToString().ToLowerInvariant()}";

    /// <summary>The form field name of a cell's evidence note.</summary>
    public static string NoteName(string actor, string issue) => $"{actor}|{issue}|note";

    /// <summary>The key of a grid cell: <c>actor/issue</c> (as in validator paths).</summary>
    public static string CellKey(string actor, string issue) => $"{actor}/{issue}";

    /// <summary>
    /// The scenario with the form's values, as YAML, or the messages per cell (key <see cref="CellKey"/>) when a
    /// number does not parse. <c>Changed</c> is false when the form changes nothing (then nothing needs saving).
    /// </summary>
    public static (string? Yaml, IReadOnlyDictionary<string, List<string>> CellErrors, bool Changed) Apply(Scenario scenario, IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var values = new List<ActorIssueValue>(scenario.Values.Count);
        foreach (var v in scenario.Values)
        {
            var edited = v;
            foreach (var field in Fields)
            {
                var estimate = v.Get(field);
                foreach (var stat in Stats)
                {
                    if (!form.TryGetValue(FieldName(v.ActorId, v.IssueId, field, stat), out var text))
                    {
                        continue;
                    }

                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                    {
                        Add(errors, CellKey(v.ActorId, v.IssueId), $"{field.ToString().ToLowerInvariant()} {Label(stat)}: '{text}' is not a finite number.");
                        continue;
                    }

                    estimate = estimate.With(stat, number);
                }

                edited = edited.With(field, estimate);
            }

            if (form.TryGetValue(NoteName(v.ActorId, v.IssueId), out var note))
            {
                var trimmed = note.Trim();
                edited = edited with { Evidence = edited.Evidence with { Note = trimmed.Length == 0 ? null : trimmed } };
            }

            values.Add(edited);
        }

        if (errors.Count > 0)
        {
            return (null, errors, true);
        }

        if (values.SequenceEqual(scenario.Values))
        {
            return (null, errors, false);
        }

        var result = new Scenario(scenario.Id, scenario.Name, scenario.Metadata, scenario.Issues, scenario.Actors, values, scenario.Variants, scenario.Predictions, scenario.Recommendations, scenario.NotModelled);
        return (ScenarioWriter.ToYaml(result), errors, true);
    }

    /// <summary>The grid cell a validator field path points into (e.g. <c>values[japan/deal-scope].salience</c>), or null.</summary>
    public static string? CellOf(string fieldPath)
    {
        var m = ValuePath().Match(fieldPath ?? string.Empty);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>"low", "most likely" or "high".</summary>
    public static string Label(EstimateStat stat) => stat switch
    {
        EstimateStat.Low => "low",
        EstimateStat.Mode => "most likely",
        _ => "high",
    };

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }

    [GeneratedRegex(@"^values\[([^\]/]+/[^\]]+)\]")]
    private static partial Regex ValuePath();
}
