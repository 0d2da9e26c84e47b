using System.Globalization;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Times are stored as fixed-width UTC text (<c>2026-01-31T12:00:00.0000000Z</c>): readable in any SQLite tool,
/// exact to the tick, and ordered correctly by plain text comparison, which the run list's ORDER BY relies on.
/// </summary>
internal static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));
}
