using System.Globalization;
using System.Text;
using Parley.Core.Scenarios;
using Parley.Core.Scenarios.Validation;

namespace Parley.Formats.Readers;

/// <summary>
/// Reads the flat CSV interchange: header <c>actor,issue,position,salience,capability</c> (issue optional: then one
/// issue with id <c>issue</c>), optionally <c>position_low,position_high,salience_low,salience_high,
/// capability_low,capability_high</c> (an absent or empty bound equals the mode). Blank lines and lines starting
/// with '#' are skipped. There is no declared scale: each issue's scale is <see cref="ScenarioLoadOptions.Scale"/>
/// when given, else the range of its mode positions (then <see cref="Issue.ScaleDeclared"/> is false).
/// The scenario id and name are the file name without extension.
/// </summary>
public sealed class CsvScenarioReader : IScenarioReader
{
    /// <summary>The id of the single issue of a file without an issue column.</summary>
    public const string DefaultIssueId = "issue";

    private static readonly string[] Required = ["actor", "position", "salience", "capability"];
    private static readonly string[] Optional = ["issue", "position_low", "position_high", "salience_low", "salience_high", "capability_low", "capability_high"];

    /// <inheritdoc/>
    public string FormatName => "CSV";

    /// <inheritdoc/>
    public bool CanRead(string fileName, ReadOnlySpan<byte> firstBytes) =>
        TextFormat.Extension(fileName) == ".csv"
        || (!TextFormat.IsKnownExtension(fileName) && Syntax.StrictText.WithoutBom(firstBytes).StartsWith("actor,"u8));

    /// <inheritdoc/>
    public ScenarioReadResult Read(ReadOnlyMemory<byte> content, string fileName, ScenarioLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (TextFormat.Check(content.Span, fileName, out var bom) is { } failed)
        {
            return failed;
        }

        var text = Encoding.UTF8.GetString(content.Span[bom..]);
        return new Run(fileName, options).Read(text);
    }

    private sealed class Run(string file, ScenarioLoadOptions options)
    {
        private readonly ScenarioSourceMap _map = new(file);
        private readonly List<ScenarioProblem> _problems = [];

        public ScenarioReadResult Read(string text)
        {
            var rows = CsvLexer.Rows(text).Where(r => !(r.Cells.Count == 1 && r.Cells[0].Text.Trim().Length == 0) && !r.Cells[0].Text.TrimStart().StartsWith('#')).ToList();
            if (rows.Count == 0)
            {
                return TextFormat.Fail(file, 0, 0, "the file is empty; expected a header line such as actor,position,salience,capability");
            }

            var header = rows[0];
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < header.Cells.Count; c++)
            {
                var cell = header.Cells[c];
                var name = cell.Text.Trim().ToLowerInvariant();
                if (Array.IndexOf(Required, name) < 0 && Array.IndexOf(Optional, name) < 0)
                {
                    Problem(header.Line, cell.Column, string.Empty, $"unknown column '{cell.Text.Trim()}'{NameSuggester.Hint(name, Required.Concat(Optional))}; allowed: {string.Join(", ", Required.Concat(Optional))}");
                }
                else if (!columns.TryAdd(name, c))
                {
                    Problem(header.Line, cell.Column, string.Empty, $"column '{name}' appears twice in the header");
                }
            }

            var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                Problem(header.Line, 1, string.Empty, $"missing column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m}'"))}; the header needs actor, position, salience, capability (issue and *_low / *_high are optional)");
                return new ScenarioReadResult(null, _problems, _map);
            }

            var values = new List<ActorIssueValue>();
            var actors = new List<Actor>();
            var issueIds = new List<string>();
            var issueRows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var r = 1; r < rows.Count; r++)
            {
                var row = rows[r];
                var k = values.Count;
                var at = FieldRef.Root.Key("values").Item(k, null);
                _map.Record(at.Pointer, row.Line, 1);
                var actor = Cell(row, columns, "actor")?.Text.Trim() ?? string.Empty;
                var issue = columns.ContainsKey("issue") ? Cell(row, columns, "issue")?.Text.Trim() ?? string.Empty : DefaultIssueId;
                at = FieldRef.Root.Key("values").Item(k, $"{actor}/{issue}");
                if (row.Cells.Count != header.Cells.Count)
                {
                    Problem(row.Line, row.Cells[^1].Column, at.Path, $"this row has {row.Cells.Count} fields but the header has {header.Cells.Count}");
                }

                if (actor.Length == 0)
                {
                    Problem(row.Line, Cell(row, columns, "actor")?.Column ?? 1, at.Key("actor").Path, "the actor is empty");
                }
                else if (!actors.Any(a => a.Id == actor))
                {
                    _map.Record($"/actors/{actors.Count}", row.Line, Cell(row, columns, "actor")!.Value.Column);
                    actors.Add(new Actor(actor, actor, null, Evidence.None));
                }

                if (!issueRows.TryGetValue(issue, out var list))
                {
                    var c = columns.TryGetValue("issue", out var ic) && ic < row.Cells.Count ? row.Cells[ic].Column : 1;
                    _map.Record($"/issues/{issueIds.Count}", row.Line, c);
                    issueIds.Add(issue);
                    issueRows[issue] = list = [];
                }

                list.Add(k);
                Record(row, columns, "actor", at.Key("actor"));
                Record(row, columns, "issue", at.Key("issue"));
                var position = EstimateOf(row, columns, "position", at);
                values.Add(new ActorIssueValue(actor, issue, position, EstimateOf(row, columns, "salience", at), EstimateOf(row, columns, "capability", at), Evidence.None));
            }

            var issues = new List<Issue>();
            for (var i = 0; i < issueIds.Count; i++)
            {
                var id = issueIds[i];
                double lo, hi;
                if (options.Scale is { } scale)
                {
                    (lo, hi) = scale;
                }
                else
                {
                    var modes = issueRows[id].Select(k => values[k].Position.Mode).Where(double.IsFinite).ToList();
                    lo = modes.Count == 0 ? double.NaN : modes.Min();
                    hi = modes.Count == 0 ? double.NaN : modes.Max();
                    if (modes.Count > 0 && lo == hi)
                    {
                        var at = _map.Locate($"/issues/{i}");
                        _map.MarkReported($"/issues/{i}/scale");
                        Problem(at.Line, at.Column, $"issues[{id}].scale", $"every position on issue '{id}' is {lo.ToString(CultureInfo.InvariantCulture)}, so no scale can be inferred; give one (--scale LO,HI)");
                    }
                }

                issues.Add(new Issue(id, id, null, lo, hi, options.Scale is not null, [], null, null, Evidence.None));
            }

            var stem = TextFormat.Stem(file);
            var scenario = new Scenario(stem, stem, ScenarioMetadata.Empty, issues, actors, values);
            return new ScenarioReadResult(scenario, _problems, _map);
        }

        private Estimate EstimateOf(CsvRow row, Dictionary<string, int> columns, string field, FieldRef value)
        {
            var at = value.Key(field);
            var mode = Number(row, columns, field, at, required: true);
            var low = Number(row, columns, field + "_low", at.Key("low"), required: false) ?? mode;
            var high = Number(row, columns, field + "_high", at.Key("high"), required: false) ?? mode;
            Record(row, columns, field, at.Key("mode"));
            if (!columns.ContainsKey(field + "_low"))
            {
                Record(row, columns, field, at.Key("low"));
            }

            if (!columns.ContainsKey(field + "_high"))
            {
                Record(row, columns, field, at.Key("high"));
            }

            return new Estimate(low ?? double.NaN, mode ?? double.NaN, high ?? double.NaN);
        }

        private double? Number(CsvRow row, Dictionary<string, int> columns, string column, FieldRef at, bool required)
        {
            if (!columns.ContainsKey(column))
            {
                return null;
            }

            var cell = Cell(row, columns, column);
            if (cell is null || cell.Value.Text.Trim().Length == 0)
            {
                if (required)
                {
                    Problem(row.Line, cell?.Column ?? row.Cells[^1].Column, at.Path, $"missing value in column '{column}'");
                    _map.MarkReported(at.Pointer);
                }

                return null;
            }

            _map.Record(at.Pointer, row.Line, cell.Value.Column);
            var t = cell.Value.Text.Trim();
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                return d;
            }

            Problem(row.Line, cell.Value.Column, at.Path, $"expected a number in column '{column}', got '{t}'");
            _map.MarkReported(at.Pointer);
            return double.NaN;
        }

        private void Record(CsvRow row, Dictionary<string, int> columns, string column, FieldRef at)
        {
            if (Cell(row, columns, column) is { } cell)
            {
                _map.Record(at.Pointer, row.Line, cell.Column);
            }
        }

        private static CsvCell? Cell(CsvRow row, Dictionary<string, int> columns, string column) =>
            columns.TryGetValue(column, out var c) && c < row.Cells.Count ? row.Cells[c] : null;

        private void Problem(int line, int column, string path, string message) =>
            _problems.Add(new ScenarioProblem(new SourceLocation(file, line, column), path, message));
    }
}

/// <summary>One CSV field: its unquoted text and 1-based column.</summary>
internal readonly record struct CsvCell(string Text, int Column);

/// <summary>One CSV record: its 1-based line and fields.</summary>
internal sealed record CsvRow(int Line, List<CsvCell> Cells);

/// <summary>RFC 4180 lexing: commas, double-quoted fields with "" escapes, CRLF or LF.</summary>
internal static class CsvLexer
{
    public static IEnumerable<CsvRow> Rows(string text)
    {
        var line = 1;
        var pos = 0;
        while (pos < text.Length)
        {
            var row = new CsvRow(line, []);
            var lineStart = pos;
            while (true)
            {
                var column = pos - lineStart + 1;
                var sb = new StringBuilder();
                if (pos < text.Length && text[pos] == '"')
                {
                    pos++;
                    while (pos < text.Length)
                    {
                        if (text[pos] == '"')
                        {
                            if (pos + 1 < text.Length && text[pos + 1] == '"')
                            {
                                sb.Append('"');
                                pos += 2;
                                continue;
                            }

                            pos++;
                            break;
                        }

                        if (text[pos] == '\n')
                        {
                            line++;
                            lineStart = pos + 1;
                        }

                        sb.Append(text[pos++]);
                    }
                }

                while (pos < text.Length && text[pos] is not (',' or '\n' or '\r'))
                {
                    sb.Append(text[pos++]);
                }

                row.Cells.Add(new CsvCell(sb.ToString(), column));
                if (pos < text.Length && text[pos] == ',')
                {
                    pos++;
                    continue;
                }

                if (pos < text.Length && text[pos] == '\r')
                {
                    pos++;
                }

                if (pos < text.Length && text[pos] == '\n')
                {
                    pos++;
                }

                line++;
                break;
            }

            yield return row;
        }
    }
}
