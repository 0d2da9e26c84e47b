using Parley.Core.Scenarios;

namespace Parley.Formats;

/// <summary>
/// Maps field pointers (<c>/values/3/salience/high</c>, as in
/// <see cref="Parley.Core.Scenarios.Validation.ValidationProblem.Pointer"/>) to source locations, and remembers
/// where a reader already reported a problem so that the validator does not report it again. Not thread-safe:
/// one map per read.
/// </summary>
public sealed class ScenarioSourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>A map for <paramref name="file"/> (the name shown in messages).</summary>
    public ScenarioSourceMap(string file)
    {
        File = file;
    }

    /// <summary>The file name shown in messages.</summary>
    public string File { get; }

    /// <summary>Records that the field at <paramref name="pointer"/> starts at 1-based <paramref name="line"/>:<paramref name="column"/>.</summary>
    public void Record(string pointer, int line, int column) => _locations.TryAdd(pointer, new SourceLocation(File, line, column));

    /// <summary>The field's location, else that of its nearest recorded ancestor, else the file alone.</summary>
    public SourceLocation Locate(string pointer)
    {
        var p = pointer;
        while (true)
        {
            if (_locations.TryGetValue(p, out var at))
            {
                return at;
            }

            if (p.Length == 0)
            {
                return new SourceLocation(File, 0, 0);
            }

            var cut = p.LastIndexOf('/');
            p = cut <= 0 ? string.Empty : p[..cut];
        }
    }

    /// <summary>Notes that a problem was reported for the field at <paramref name="pointer"/> (and all below it).</summary>
    public void MarkReported(string pointer) => _reported.Add(pointer);

    /// <summary>True when a problem was already reported at <paramref name="pointer"/> or an ancestor.</summary>
    public bool IsReported(string pointer)
    {
        var p = pointer;
        while (true)
        {
            if (_reported.Contains(p))
            {
                return true;
            }

            if (p.Length == 0)
            {
                return false;
            }

            var cut = p.LastIndexOf('/');
            p = cut <= 0 ? string.Empty : p[..cut];
        }
    }
}
