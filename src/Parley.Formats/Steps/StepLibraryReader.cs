using System.Globalization;
using Parley.Core.Analysis.Roadmaps;
using Parley.Core.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Formats.Steps;

/// <summary>
/// Reads a step library (YAML; format in docs/roadmaps.md). Every problem found is reported with file:line:column,
/// the field path and what is allowed; owners and issue ids are checked against a scenario when one is given.
/// </summary>
public static class StepLibraryReader
{
    private static readonly string[] RootKeys = ["id", "name", "scenario", "description", "allies", "steps"];
    private static readonly string[] StepKeys = ["id", "name", "owner", "effects", "prerequisites", "reversible", "evidence"];
    private static readonly string[] EvidenceKeys = ["source", "quotes", "note"];

    /// <summary>Loads the library at <paramref name="path"/>.</summary>
    /// <param name="path">A .yaml or .yml file.</param>
    /// <param name="scenario">When given, owners must be its actors and effects its issues.</param>
    /// <exception cref="ScenarioLoadException">The file is missing or has problems; all are listed.</exception>
    public static StepLibrary Load(string path, Scenario? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ScenarioLoadException([new ScenarioProblem(new SourceLocation(path, 0, 0), string.Empty, "Step library file not found.")]);
        }

        return Parse(File.ReadAllText(path), path, scenario);
    }

    /// <summary>Parses library text; <paramref name="fileName"/> is used in messages only.</summary>
    /// <exception cref="ScenarioLoadException">The text has problems; all are listed.</exception>
    public static StepLibrary Parse(string text, string fileName, Scenario? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var reader = new Reader(fileName, scenario);
        var library = reader.Read(text);
        if (reader.Problems.Count > 0 || library is null)
        {
            throw new ScenarioLoadException(reader.Problems);
        }

        return library;
    }

    private sealed class Reader(string file, Scenario? scenario)
    {
        public List<ScenarioProblem> Problems { get; } = [];

        public StepLibrary? Read(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                Problems.Add(new ScenarioProblem(At(ex.Start), string.Empty, $"Invalid YAML: {ex.Message}"));
                return null;
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet reports some malformed flow collections this way, without a position.
                Problems.Add(new ScenarioProblem(new SourceLocation(file, 0, 0), string.Empty, $"Invalid YAML: {ex.Message}"));
                return null;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var node = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
                Problems.Add(new ScenarioProblem(node is null ? new SourceLocation(file, 1, 1) : At(node.Start), string.Empty, "A step library must be a mapping with 'id' and 'steps'."));
                return null;
            }

            CheckKeys(root, RootKeys, string.Empty);
            var id = Scalar(root, "id", "id", required: true) ?? "steps";
            var name = Scalar(root, "name", "name", required: false);
            var allies = ReadStrings(Child(root, "allies"), "allies");
            if (scenario is not null && Child(root, "allies") is YamlSequenceNode allyNodes)
            {
                for (var k = 0; k < allyNodes.Children.Count; k++)
                {
                    if (allyNodes.Children[k] is YamlScalarNode { Value: { } ally } && scenario.FindActor(ally) is null)
                    {
                        Problems.Add(new ScenarioProblem(At(allyNodes.Children[k].Start), $"allies[{k}]", $"Unknown actor '{ally}'. Known actors: {string.Join(", ", scenario.Actors.Select(a => a.Id))}."));
                    }
                }
            }

            var stepsNode = Child(root, "steps");
            var steps = new List<Step>();
            var stepNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            if (stepsNode is not YamlSequenceNode seq || seq.Children.Count == 0)
            {
                Problems.Add(new ScenarioProblem(stepsNode is null ? At(root.Start) : At(stepsNode.Start), "steps", "Required: a non-empty list of steps."));
            }
            else
            {
                for (var k = 0; k < seq.Children.Count; k++)
                {
                    var step = ReadStep(seq.Children[k], $"steps[{k}]");
                    if (step is null)
                    {
                        continue;
                    }

                    if (!stepNodes.TryAdd(step.Id, seq.Children[k]))
                    {
                        Problems.Add(new ScenarioProblem(At(seq.Children[k].Start), $"steps[{k}].id", $"Step id '{step.Id}' is already used by an earlier step."));
                        continue;
                    }

                    steps.Add(step);
                }

                CheckPrerequisites(seq, steps);
            }

            if (Problems.Count > 0)
            {
                return null;
            }

            var more = StepLibrary.Validate(steps);
            if (more.Count > 0)
            {
                Problems.AddRange(more.Select(p => new ScenarioProblem(At(stepsNode!.Start), "steps", p)));
                return null;
            }

            return StepLibrary.Create(id, name, steps, allies);
        }

        private Step? ReadStep(YamlNode node, string path)
        {
            if (node is not YamlMappingNode map)
            {
                Problems.Add(new ScenarioProblem(At(node.Start), path, "A step must be a mapping with id, name, owner, effects and evidence."));
                return null;
            }

            CheckKeys(map, StepKeys, path);
            var id = Scalar(map, "id", path + ".id", required: true);
            if (id is not null && !IsId(id))
            {
                Problems.Add(new ScenarioProblem(At(Child(map, "id")!.Start), path + ".id", $"'{id}' is not a valid id; use lower-case letters, digits and '-'."));
            }

            var name = Scalar(map, "name", path + ".name", required: true);
            var owner = Scalar(map, "owner", path + ".owner", required: true);
            if (owner is not null && scenario is not null && scenario.FindActor(owner) is null)
            {
                Problems.Add(new ScenarioProblem(At(Child(map, "owner")!.Start), path + ".owner", $"Unknown actor '{owner}'. Known actors: {string.Join(", ", scenario.Actors.Select(a => a.Id))}."));
            }

            var effects = ReadEffects(Child(map, "effects"), map, path + ".effects");
            var prerequisites = ReadStrings(Child(map, "prerequisites"), path + ".prerequisites");
            var reversible = false;
            var revText = Scalar(map, "reversible", path + ".reversible", required: false);
            if (revText is not null && !bool.TryParse(revText, out reversible))
            {
                Problems.Add(new ScenarioProblem(At(Child(map, "reversible")!.Start), path + ".reversible", $"'{revText}' is not a boolean; use true or false."));
            }

            var evidence = ReadEvidence(Child(map, "evidence"), map, path + ".evidence");
            return id is null || name is null || owner is null ? null : new Step(id, name, owner, effects, prerequisites, reversible, evidence);
        }

        private List<StepEffect> ReadEffects(YamlNode? node, YamlMappingNode parent, string path)
        {
            var effects = new List<StepEffect>();
            if (node is not YamlMappingNode map || map.Children.Count == 0)
            {
                Problems.Add(new ScenarioProblem(At(node?.Start ?? parent.Start), path, "Required: a mapping of issue id to shift in points, e.g. 'deal-scope: 10'."));
                return effects;
            }

            foreach (var (keyNode, valueNode) in map.Children)
            {
                var issue = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                var itemPath = $"{path}.{issue}";
                if (scenario is not null && scenario.FindIssue(issue) is null)
                {
                    Problems.Add(new ScenarioProblem(At(keyNode.Start), itemPath, $"Unknown issue '{issue}'. Known issues: {string.Join(", ", scenario.Issues.Select(i => i.Id))}."));
                }

                var text = (valueNode as YamlScalarNode)?.Value;
                if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var shift) || !double.IsFinite(shift))
                {
                    Problems.Add(new ScenarioProblem(At(valueNode.Start), itemPath, $"'{text}' is not a number; give the shift in points of the issue's scale, e.g. 10 or -7.5."));
                    continue;
                }

                if (scenario?.FindIssue(issue) is { } known && Math.Abs(shift) > known.ScaleHigh - known.ScaleLow)
                {
                    Problems.Add(new ScenarioProblem(At(valueNode.Start), itemPath, string.Create(CultureInfo.InvariantCulture, $"Shift {shift} is larger than the issue's whole scale ({known.ScaleLow}–{known.ScaleHigh}).")));
                }

                effects.Add(new StepEffect(issue, shift));
            }

            return effects;
        }

        private Evidence ReadEvidence(YamlNode? node, YamlMappingNode parent, string path)
        {
            if (node is not YamlMappingNode map)
            {
                Problems.Add(new ScenarioProblem(At(node?.Start ?? parent.Start), path, "Required: a mapping with 'quotes' (verbatim excerpts) and/or 'note' (the analyst's reasoning), and optionally 'source'."));
                return Evidence.None;
            }

            CheckKeys(map, EvidenceKeys, path);
            var source = Scalar(map, "source", path + ".source", required: false);
            var quotes = ReadStrings(Child(map, "quotes"), path + ".quotes");
            var note = Scalar(map, "note", path + ".note", required: false);
            if (quotes.Count == 0 && string.IsNullOrWhiteSpace(note))
            {
                Problems.Add(new ScenarioProblem(At(map.Start), path, "Give at least one quote or a note."));
            }

            return new Evidence(source, quotes, note);
        }

        private void CheckPrerequisites(YamlSequenceNode seq, List<Step> steps)
        {
            var ids = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            for (var k = 0; k < seq.Children.Count; k++)
            {
                if (seq.Children[k] is not YamlMappingNode map || Child(map, "prerequisites") is not YamlSequenceNode pre)
                {
                    continue;
                }

                for (var q = 0; q < pre.Children.Count; q++)
                {
                    var value = (pre.Children[q] as YamlScalarNode)?.Value;
                    if (value is not null && !ids.Contains(value))
                    {
                        Problems.Add(new ScenarioProblem(At(pre.Children[q].Start), $"steps[{k}].prerequisites[{q}]", $"Unknown step '{value}'. Prerequisites must name steps of this library."));
                    }
                }
            }
        }

        private List<string> ReadStrings(YamlNode? node, string path)
        {
            var list = new List<string>();
            if (node is null)
            {
                return list;
            }

            if (node is not YamlSequenceNode seq)
            {
                Problems.Add(new ScenarioProblem(At(node.Start), path, "Expected a list, e.g. [a, b]."));
                return list;
            }

            for (var k = 0; k < seq.Children.Count; k++)
            {
                if (seq.Children[k] is YamlScalarNode { Value: { Length: > 0 } v })
                {
                    list.Add(v);
                }
                else
                {
                    Problems.Add(new ScenarioProblem(At(seq.Children[k].Start), $"{path}[{k}]", "Expected a non-empty text."));
                }
            }

            return list;
        }

        private string? Scalar(YamlMappingNode map, string key, string path, bool required)
        {
            var node = Child(map, key);
            if (node is null)
            {
                if (required)
                {
                    Problems.Add(new ScenarioProblem(At(map.Start), path, $"Required field '{key}' is missing."));
                }

                return null;
            }

            if (node is not YamlScalarNode { Value: { Length: > 0 } value })
            {
                Problems.Add(new ScenarioProblem(At(node.Start), path, $"'{key}' must be a single non-empty value."));
                return null;
            }

            return value;
        }

        private void CheckKeys(YamlMappingNode map, string[] allowed, string path)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!allowed.Contains(name))
                {
                    var field = path.Length == 0 ? name : $"{path}.{name}";
                    Problems.Add(new ScenarioProblem(At(key.Start), field, $"Unknown field '{name}'. Allowed: {string.Join(", ", allowed)}."));
                }
            }
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        private static bool IsId(string id) => id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.');

        private SourceLocation At(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
    }
}
