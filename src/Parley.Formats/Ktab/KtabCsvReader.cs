using System.Globalization;
using Parley.Core.Models.Smp;
using Parley.Core.Scenarios;

namespace Parley.Formats.Ktab;

/// <summary>
/// Reads KTAB's SMP CSV scenario files (spec smp.md §9): row 1 <c>name, description, N, D</c>; row 2 headers
/// (<c>Actor, Description, &lt;capability&gt;</c>, then per dimension <c>&lt;dimension name&gt;, &lt;salience header&gt;</c>);
/// then N rows <c>name, description, capability, pos_1, sal_1, …</c>. Trailing commas and extra empty cells are allowed,
/// <c>"…"</c> quotes are stripped, text keeps its spaces (as KTAB keeps them), numbers may be padded with spaces.
/// Every problem is reported at once, with file:line:column, field, value and what is allowed.
/// </summary>
public static class KtabCsvReader
{
    /// <summary>KTAB's bounds.</summary>
    public const int MinActors = 3, MaxActors = 250, MaxNameLength = 25;

    /// <summary>Largest capability KTAB accepts.</summary>
    public const double MaxCapability = 1e8;

    /// <summary>
    /// True when <paramref name="text"/> looks like a KTAB SMP CSV: its first line has at least four cells, the third and
    /// fourth are whole numbers (N ≥ 1, D ≥ 1) and any further cells are empty or numeric, and a second line exists.
    /// <paramref name="fileName"/> is not required to end in <c>.csv</c>; an <c>.xml</c>/<c>.yaml</c> name returns false.
    /// </summary>
    public static bool CanRead(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ext = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (ext is ".xml" or ".yaml" or ".yml" or ".json")
        {
            return false;
        }

        var lines = SplitLines(text);
        if (lines.Count < 2)
        {
            return false;
        }

        var cells = CsvLine.Split(lines[0]);
        if (cells.Count < 4 || !IsCount(cells[2].Text) || !IsCount(cells[3].Text))
        {
            return false;
        }

        return cells.Skip(4).All(c => c.Text.Trim().Length == 0 || double.TryParse(c.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
    }

    /// <summary>Reads a file.</summary>
    /// <exception cref="ScenarioLoadException">The file is malformed; every problem is listed.</exception>
    public static KtabDocument Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses CSV text; <paramref name="fileName"/> is used in messages only.</summary>
    /// <exception cref="ScenarioLoadException">The text is malformed; every problem is listed.</exception>
    public static KtabDocument Parse(string text, string fileName = "<input>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<ScenarioProblem>();
        var lines = SplitLines(text);
        void Problem(int line, int col, string field, string message) =>
            problems.Add(new ScenarioProblem(new SourceLocation(fileName, line, col), field, message));

        if (lines.Count == 0 || lines[0].Trim().Length == 0)
        {
            Problem(1, 1, "header", "The file is empty; a KTAB CSV starts with 'scenario name, description, N, D'.");
            throw new ScenarioLoadException(problems);
        }

        var head = CsvLine.Split(lines[0]);
        if (head.Count < 4)
        {
            Problem(1, 1, "header", $"Row 1 has {head.Count} cells; expected 'scenario name, description, N, D'.");
            throw new ScenarioLoadException(problems);
        }

        var n = ParseCount(head[2], 1, "header.N", MinActors, MaxActors, "number of actors", Problem);
        var d = ParseCount(head[3], 1, "header.D", 1, 1000, "number of dimensions", Problem);
        if (n is null || d is null)
        {
            throw new ScenarioLoadException(problems);
        }

        var width = 3 + (2 * d.Value);
        if (lines.Count < 2)
        {
            Problem(2, 1, "columns", "Row 2 (column headers) is missing.");
            throw new ScenarioLoadException(problems);
        }

        var header = CsvLine.Split(lines[1]);
        if (header.Count < width)
        {
            Problem(2, 1, "columns", $"Row 2 has {header.Count} cells; with D = {d} it needs {width}: Actor, Description, capability, then a position and a salience header per dimension.");
            throw new ScenarioLoadException(problems);
        }

        var dims = Enumerable.Range(0, d.Value).Select(k => header[3 + (2 * k)].Text).ToArray();
        for (var k = 0; k < dims.Length; k++)
        {
            if (dims[k].Trim().Length == 0)
            {
                Problem(2, header[3 + (2 * k)].Column, $"dimensions[{k}]", "The dimension name is empty; the first header cell of each dimension pair names it.");
            }
            else if (Array.FindIndex(dims, x => x.Trim() == dims[k].Trim()) < k)
            {
                Problem(2, header[3 + (2 * k)].Column, $"dimensions[{k}]", $"Dimension name '{dims[k].Trim()}' occurs twice; names must be distinct.");
            }
        }

        var actors = new List<KtabActor>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var lineNo = i + 3;
            if (lineNo > lines.Count || lines[lineNo - 1].Trim().Length == 0)
            {
                Problem(lineNo, 1, $"actors[{i}]", $"Expected {n} actor rows (N in row 1) but found only {i}.");
                break;
            }

            var cells = CsvLine.Split(lines[lineNo - 1]);
            if (cells.Count < width)
            {
                Problem(lineNo, 1, $"actors[{i}]", $"The row has {cells.Count} cells; it needs {width}: name, description, capability, then position and salience for each of {d} dimensions.");
                continue;
            }

            var name = cells[0].Text;
            var field = $"actors[{i}]";
            if (name.Trim().Length == 0)
            {
                Problem(lineNo, cells[0].Column, field + ".name", "The actor name is empty.");
            }
            else if (name.Length > MaxNameLength)
            {
                Problem(lineNo, cells[0].Column, field + ".name", $"Actor name '{name}' has {name.Length} characters; KTAB allows at most {MaxNameLength}.");
            }
            else if (seen.TryGetValue(name.Trim(), out var other))
            {
                Problem(lineNo, cells[0].Column, field + ".name", $"Actor name '{name.Trim()}' already names actor {other} (line {other + 3}); names must be distinct.");
            }
            else
            {
                seen[name.Trim()] = i;
            }

            var cap = ParseNumber(cells[2], lineNo, field + ".capability", 0, MaxCapability, "capability", Problem);
            var pos = new double[d.Value];
            var sal = new double[d.Value];
            var ok = cap is not null;
            double salSum = 0;
            for (var k = 0; k < d; k++)
            {
                var dimName = dims[k].Trim();
                var p = ParseNumber(cells[3 + (2 * k)], lineNo, $"{field}.position[{dimName}]", 0, 100, "position", Problem);
                var s = ParseNumber(cells[4 + (2 * k)], lineNo, $"{field}.salience[{dimName}]", 0, 100, "salience", Problem);
                ok &= p is not null && s is not null;
                pos[k] = p ?? 0;
                sal[k] = s ?? 0;
                salSum += s ?? 0;
            }

            // A little slack: decimal saliences meant to total 100 (e.g. 33.33+33.33+33.34) may sum a hair above it in binary.
            if (salSum > 100 + 1e-9)
            {
                Problem(lineNo, cells[4].Column, field + ".salience", $"Saliences of '{name.Trim()}' sum to {salSum.ToString("0.####", CultureInfo.InvariantCulture)}; KTAB requires the sum over dimensions to be at most 100.");
                ok = false;
            }

            if (ok)
            {
                actors.Add(new KtabActor(name, cells[1].Text, cap!.Value, pos, sal));
            }
        }

        for (var extra = n.Value + 3; extra <= lines.Count; extra++)
        {
            if (lines[extra - 1].Trim().Trim(',').Trim().Length > 0)
            {
                Problem(extra, 1, "actors", $"Row {extra} is beyond the {n} actor rows declared in row 1 (N = {n}); fix N or remove the row.");
                break;
            }
        }

        if (problems.Count > 0)
        {
            throw new ScenarioLoadException(problems);
        }

        return new KtabDocument(head[0].Text, head[1].Text, dims, actors, SmpOptions.Default, null);
    }

    /// <summary>Parses and maps to a Parley scenario (<see cref="KtabDocument.ToScenario"/>).</summary>
    public static Scenario ReadScenario(string text, string fileName = "<input>") => Parse(text, fileName).ToScenario();

    /// <summary>Parses and maps to an SMP input (<see cref="KtabDocument.ToSmpInput"/>).</summary>
    public static SmpInput ReadSmpInput(string text, string fileName = "<input>") => Parse(text, fileName).ToSmpInput();

    internal static List<string> SplitLines(string text)
    {
        var t = text.StartsWith('\uFEFF') ? text[1..] : text;
        var lines = t.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static bool IsCount(string s) => int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1;

    private static int? ParseCount(CsvCell cell, int line, string field, int min, int max, string what, Action<int, int, string, string> problem)
    {
        if (!int.TryParse(cell.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            problem(line, cell.Column, field, $"The {what} '{cell.Text.Trim()}' is not a whole number; allowed: {min}–{max}.");
            return null;
        }

        if (v < min || v > max)
        {
            problem(line, cell.Column, field, $"The {what} {v} is out of range; KTAB allows {min}–{max}.");
            return null;
        }

        return v;
    }

    private static double? ParseNumber(CsvCell cell, int line, string field, double min, double max, string what, Action<int, int, string, string> problem)
    {
        var s = cell.Text.Trim();
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            problem(line, cell.Column, field, $"The {what} '{s}' is not a number; allowed: {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        if (v < min || v > max)
        {
            problem(line, cell.Column, field, $"The {what} {s} is out of range; allowed: {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return v;
    }
}

/// <summary>A CSV cell and the 1-based column where it starts.</summary>
internal readonly record struct CsvCell(string Text, int Column);

/// <summary>Splits one CSV line: commas separate, <c>"…"</c> quotes group and are stripped (<c>""</c> inside is a quote).</summary>
internal static class CsvLine
{
    public static List<CsvCell> Split(string line)
    {
        var cells = new List<CsvCell>();
        var cur = new System.Text.StringBuilder();
        var quoted = false;
        var start = 1;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (ch == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cur.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(new CsvCell(cur.ToString(), start));
                cur.Clear();
                start = i + 2;
            }
            else
            {
                cur.Append(ch);
            }
        }

        cells.Add(new CsvCell(cur.ToString(), start));
        return cells;
    }
}
