using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Parley.Formats.Syntax;

/// <summary>Strict UTF-8 decoding: an invalid byte is an error with its position, never a silent U+FFFD.</summary>
internal static class StrictText
{
    /// <summary>True when the bytes start with the UTF-8 byte order mark.</summary>
    public static bool HasBom(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);

    /// <summary>The bytes without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) => HasBom(bytes) ? bytes[3..] : bytes;

    /// <summary>
    /// The first invalid UTF-8 sequence: null when the bytes are valid, else its byte offset (from the start of
    /// <paramref name="bytes"/>), line, column and the offending byte.
    /// </summary>
    public static (long Offset, Mark At, byte Byte)? FindInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            Utf8.ToUtf16(bytes, buffer, out var read, out _, replaceInvalidSequences: false);
            var lineStart = bytes[..read].LastIndexOf((byte)'\n') + 1;
            var line = bytes[..read].Count((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(bytes[lineStart..read]) + 1;
            return (read, new Mark(line, column), bytes[read]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
