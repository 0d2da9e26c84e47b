namespace Parley.Storage;

/// <summary>Run ids: how the store makes them and which ones it accepts.</summary>
public static class RunIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// A new random id: 32 lowercase hex digits (a version-4 GUID). Random rather than time-ordered on purpose,
    /// so that a short prefix (like git's 7 characters) almost always names one run; the store orders runs by
    /// start time, not by id.
    /// </summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>True when <paramref name="id"/> is 1 to 64 characters from <c>0-9 a-z - _</c>.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(IsIdChar);

    internal static bool IsIdChar(char c) => char.IsAsciiDigit(c) || c is (>= 'a' and <= 'z') or '-' or '_';
}
