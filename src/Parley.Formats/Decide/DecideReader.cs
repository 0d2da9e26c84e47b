using System.Globalization;
using Parley.Core.Models.Exchange;
using Parley.Core.Scenarios;

namespace Parley.Formats.Decide;

/// <summary>
/// Reads the Decide exchange-model input format: one record per line, a tag in the first field
/// (<c>#A</c> actor, <c>#P</c> issue, <c>#M</c> scale point, <c>#D</c> actor × issue data, <c>#O</c> title,
/// <c>#/</c> comment), delimiter <c>;</c>, tab or <c>,</c> detected from the content, fields optionally quoted
/// with <c>'</c> or <c>"</c> (a doubled quote inside a quoted field is a literal quote).
/// </summary>
/// <remarks>
/// Mapping onto a Parley <see cref="Scenario"/>: actor id = the <c>#A</c> id (trimmed), name = its full name,
/// description = its comment; issue id = the <c>#P</c> id, name = the description field; the native scale is
/// [min, max] of the issue's <c>#M</c> values, or [0, 100] without <c>#M</c> lines; <c>#M</c> lines become anchors;
/// salience (a 0–1 fraction in Decide files) becomes 0–100; capability = power. Every problem is reported
/// with file:line, the field, the bad value and what is allowed (<see cref="ScenarioLoadException"/>).
/// </remarks>
public static class DecideReader
{
    private static readonly string[] KnownTags = ["#A", "#P", "#M", "#D", "#O", "#/"];

    /// <summary>
    /// True when <paramref name="text"/> looks like a Decide file: records tagged <c>#A</c> and <c>#D</c>.
    /// The file name is only a hint (<c>.csv</c>/<c>.txt</c>); content decides.
    /// </summary>
    public static bool CanRead(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = fileName;
        var delimiter = DetectDelimiter(text);
        var actors = false;
        var data = false;
        var other = 0;
        foreach (var (line, _) in Lines(text).Take(400))
        {
            var fields = Split(line, delimiter);
            var tag = fields[0].Trim();
            if (tag == "#A")
            {
                actors = true;
            }
            else if (tag == "#D")
            {
                data = true;
            }
            else if (!KnownTags.Contains(tag))
            {
                other++;
            }
        }

        return actors && data && other == 0;
    }

    /// <summary>Reads a file into a scenario.</summary>
    /// <exception cref="ScenarioLoadException">The file is malformed; every problem is listed.</exception>
    public static Scenario ReadScenarioFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadScenario(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Reads a file straight into an exchange-model input (numbers stay exact decimals).</summary>
    /// <exception cref="ScenarioLoadException">The file is malformed; every problem is listed.</exception>
    public static ExchangeInput ReadExchangeInputFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadExchangeInput(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses Decide text into a scenario whose id and name derive from <paramref name="fileName"/> (title if given).</summary>
    public static Scenario ReadScenario(string text, string fileName) => Parse(text, fileName).ToScenario();

    /// <summary>Parses Decide text into an exchange-model input.</summary>
    public static ExchangeInput ReadExchangeInput(string text, string fileName) => Parse(text, fileName).ToExchangeInput();

    internal static DecideDocument Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var delimiter = DetectDelimiter(text);
        var doc = new DecideDocument(fileName);
        var problems = new List<ScenarioProblem>();
        var pendingData = new List<(int Line, string[] Fields)>();
        var pendingScale = new List<(int Line, string[] Fields)>();
        foreach (var (line, number) in Lines(text))
        {
            var fields = Split(line, delimiter);
            var tag = fields[0].Trim();
            var at = new SourceLocation(fileName, number, 1);
            switch (tag)
            {
                case "#O":
                    doc.Title ??= Field(fields, 1);
                    break;
                case "#/":
                    break;
                case "#A":
                    var actorId = Field(fields, 1);
                    if (actorId.Length == 0)
                    {
                        problems.Add(new ScenarioProblem(at, "#A.id", "actor id is empty; an #A record needs: #A, id, full name, comment."));
                    }
                    else if (doc.Actors.Any(a => a.Id == actorId))
                    {
                        problems.Add(new ScenarioProblem(at, $"actors[{actorId}]", $"actor '{actorId}' is defined twice; ids must be unique."));
                    }
                    else
                    {
                        doc.Actors.Add(new DecideActor(actorId, Field(fields, 2), Rest(fields, 3)));
                    }

                    break;
                case "#P":
                    var issueId = Field(fields, 1);
                    if (issueId.Length == 0)
                    {
                        problems.Add(new ScenarioProblem(at, "#P.id", "issue id is empty; a #P record needs: #P, id, description."));
                    }
                    else if (doc.Issues.Any(i => i.Id == issueId))
                    {
                        problems.Add(new ScenarioProblem(at, $"issues[{issueId}]", $"issue '{issueId}' is defined twice; ids must be unique."));
                    }
                    else
                    {
                        doc.Issues.Add(new DecideIssue(issueId, Field(fields, 2), Rest(fields, 3)));
                    }

                    break;
                case "#M":
                    pendingScale.Add((number, fields));
                    break;
                case "#D":
                    pendingData.Add((number, fields));
                    break;
                default:
                    problems.Add(new ScenarioProblem(at, "tag", $"'{Truncate(fields[0])}' is not a Decide record tag; allowed: {string.Join(", ", KnownTags)} (lines may also be empty)."));
                    break;
            }
        }

        foreach (var (number, fields) in pendingScale)
        {
            var at = new SourceLocation(fileName, number, 1);
            var issueId = Field(fields, 1);
            var issue = doc.Issues.FirstOrDefault(i => i.Id == issueId);
            if (issue is null)
            {
                problems.Add(new ScenarioProblem(at, "#M.issue", $"issue '{issueId}' is not defined by a #P record; known issues: {Known(doc.Issues.Select(i => i.Id))}."));
                continue;
            }

            if (!TryNumber(Field(fields, 2), out var value))
            {
                problems.Add(new ScenarioProblem(at, $"issues[{issueId}].scale", $"'{Field(fields, 2)}' is not a number; a #M record needs: #M, issue id, scale position (e.g. 0 or 7.5), meaning."));
                continue;
            }

            issue.Points.Add((value, Rest(fields, 3)));
        }

        foreach (var (number, fields) in pendingData)
        {
            ParseData(doc, fileName, number, fields, problems);
        }

        if (doc.Actors.Count == 0)
        {
            problems.Add(new ScenarioProblem(new SourceLocation(fileName, 0, 0), "actors", "the file defines no actors; add #A records."));
        }

        if (doc.Issues.Count == 0)
        {
            problems.Add(new ScenarioProblem(new SourceLocation(fileName, 0, 0), "issues", "the file defines no issues; add #P records."));
        }

        if (problems.Count > 0)
        {
            throw new ScenarioLoadException(problems.OrderBy(p => p.Location.Line).ToList());
        }

        return doc;
    }

    private static void ParseData(DecideDocument doc, string fileName, int number, string[] fields, List<ScenarioProblem> problems)
    {
        var at = new SourceLocation(fileName, number, 1);
        if (fields.Length < 6)
        {
            problems.Add(new ScenarioProblem(at, "#D", $"{fields.Length} fields; a #D record needs 6: #D, actor id, issue id, position, salience, power (then an optional comment)."));
            return;
        }

        var actorId = Field(fields, 1);
        var issueId = Field(fields, 2);
        var key = $"values[{actorId}/{issueId}]";
        var ok = true;
        if (!doc.Actors.Any(a => a.Id == actorId))
        {
            problems.Add(new ScenarioProblem(at, $"{key}.actor", $"actor '{actorId}' is not defined by an #A record; known actors: {Known(doc.Actors.Select(a => a.Id))}."));
            ok = false;
        }

        var issue = doc.Issues.FirstOrDefault(i => i.Id == issueId);
        if (issue is null)
        {
            problems.Add(new ScenarioProblem(at, $"{key}.issue", $"issue '{issueId}' is not defined by a #P record; known issues: {Known(doc.Issues.Select(i => i.Id))}."));
            ok = false;
        }

        ok &= Number(fields, 3, "position", key, at, problems, out var position);
        ok &= Number(fields, 4, "salience", key, at, problems, out var salience);
        ok &= Number(fields, 5, "power", key, at, problems, out var power);
        if (issue is not null && ok)
        {
            var (lower, upper) = issue.Bounds;
            if (position < lower || position > upper)
            {
                problems.Add(new ScenarioProblem(at, $"{key}.position", $"position {Field(fields, 3)} is outside the issue's scale [{Format(lower)}, {Format(upper)}]{(issue.Points.Count == 0 ? " (no #M lines: the default scale)" : " (from its #M lines)")}."));
                ok = false;
            }
        }

        if (ok && (salience < 0 || salience > 1))
        {
            problems.Add(new ScenarioProblem(at, $"{key}.salience", $"salience {Field(fields, 4)} is outside [0, 1]; Decide saliences are fractions."));
            ok = false;
        }

        if (ok && power < 0)
        {
            problems.Add(new ScenarioProblem(at, $"{key}.power", $"power {Field(fields, 5)} is negative; it must be ≥ 0."));
            ok = false;
        }

        if (ok && doc.Data.Any(d => d.ActorId == actorId && d.IssueId == issueId))
        {
            problems.Add(new ScenarioProblem(at, key, $"actor '{actorId}' has a second #D record on issue '{issueId}'; give one per actor and issue."));
            ok = false;
        }

        if (ok)
        {
            doc.Data.Add(new DecideData(actorId, issueId, position, salience, power, Rest(fields, 6)));
        }
    }

    private static bool Number(string[] fields, int index, string name, string key, SourceLocation at, List<ScenarioProblem> problems, out decimal value)
    {
        var raw = Field(fields, index);
        if (TryNumber(raw, out value))
        {
            return true;
        }

        problems.Add(new ScenarioProblem(at, $"{key}.{name}", $"{name} '{Truncate(raw)}' is not a number; write a decimal number with '.' as the decimal point (e.g. 0.75)."));
        return false;
    }

    internal static bool TryNumber(string raw, out decimal value) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Known(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Take(20)) + (list.Count > 20 ? ", …" : string.Empty);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string Field(string[] fields, int index) => index < fields.Length ? fields[index].Trim() : string.Empty;

    /// <summary>Fields from <paramref name="index"/> on, joined (surplus fields belong to the last one, as in Decide).</summary>
    private static string Rest(string[] fields, int index, char joiner = ';')
    {
        if (index >= fields.Length)
        {
            return string.Empty;
        }

        var parts = fields.Skip(index).Select(f => f.Trim()).ToList();
        while (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join(joiner, parts);
    }

    private static IEnumerable<(string Line, int Number)> Lines(string text)
    {
        using var reader = new StringReader(text);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length > 0)
            {
                yield return (line, number);
            }
        }
    }

    /// <summary>
    /// The delimiter that makes most of the first lines start with a tag field (tab, then ';', then ',' on a tie).
    /// </summary>
    internal static char DetectDelimiter(string text)
    {
        char[] candidates = ['\t', ';', ','];
        var best = candidates[0];
        var bestScore = -1;
        foreach (var c in candidates)
        {
            var score = 0;
            foreach (var (line, _) in Lines(text).Take(50))
            {
                var fields = Split(line, c);
                if (fields.Length >= 2 && fields[0].Trim().StartsWith('#') && fields[0].Trim().Length <= 2)
                {
                    score++;
                }
            }

            if (score > bestScore)
            {
                best = c;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>Splits one line; a field starting with ' or " is quoted up to the matching quote (doubled = literal).</summary>
    internal static string[] Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var k = 0;
        while (true)
        {
            while (k < line.Length && line[k] == ' ')
            {
                k++;
            }

            if (k < line.Length && (line[k] == '\'' || line[k] == '"'))
            {
                var quote = line[k];
                var sb = new System.Text.StringBuilder();
                k++;
                while (k < line.Length)
                {
                    if (line[k] == quote)
                    {
                        if (k + 1 < line.Length && line[k + 1] == quote)
                        {
                            sb.Append(quote);
                            k += 2;
                            continue;
                        }

                        k++;
                        break;
                    }

                    sb.Append(line[k]);
                    k++;
                }

                // Anything between the closing quote and the delimiter is kept.
                var end = line.IndexOf(delimiter, k);
                sb.Append(end < 0 ? line[k..] : line[k..end]);
                fields.Add(sb.ToString());
                if (end < 0)
                {
                    break;
                }

                k = end + 1;
            }
            else
            {
                var end = line.IndexOf(delimiter, k);
                fields.Add(end < 0 ? line[k..] : line[k..end]);
                if (end < 0)
                {
                    break;
                }

                k = end + 1;
            }
        }

        return [.. fields];
    }
}
