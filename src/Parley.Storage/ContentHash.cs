using System.Security.Cryptography;
using System.Text;

namespace Parley.Storage;

/// <summary>The content hash the store keys scenario versions (and results digests) by.</summary>
public static class ContentHash
{
    /// <summary>Length of a hash in hex characters.</summary>
    public const int Length = 64;

    /// <summary>
    /// Lowercase hex SHA-256 of the UTF-8 bytes (no byte-order mark) of <paramref name="text"/>, exactly as given:
    /// no line-ending or whitespace normalisation, so the caller decides what "canonical" means.
    /// </summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>True when <paramref name="value"/> has the shape of a hash: 64 characters of <c>0-9 a-f</c>.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
