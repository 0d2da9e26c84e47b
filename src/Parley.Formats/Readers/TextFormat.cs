using Parley.Core.Scenarios;
using Parley.Formats.Syntax;

namespace Parley.Formats.Readers;

/// <summary>Shared steps of the text formats: strict UTF-8 check, empty-file check, file-name helpers.</summary>
internal static class TextFormat
{
    /// <summary>A result with one problem and no scenario.</summary>
    public static ScenarioReadResult Fail(string file, int line, int column, string message) =>
        new(null, [new ScenarioProblem(new SourceLocation(file, line, column), string.Empty, message)], new ScenarioSourceMap(file));

    /// <summary>
    /// The content without BOM, or a failed result when it is not UTF-8 or holds nothing but white space.
    /// </summary>
    public static ScenarioReadResult? Check(ReadOnlySpan<byte> bytes, string file, out int bomLength)
    {
        bomLength = StrictText.HasBom(bytes) ? 3 : 0;
        var body = bytes[bomLength..];
        if (StrictText.FindInvalid(body) is { } bad)
        {
            return Fail(file, bad.At.Line, bad.At.Column, $"the file is not valid UTF-8: byte 0x{bad.Byte:X2} at byte offset {bad.Offset + bomLength} cannot start or continue a character; save the file as UTF-8");
        }

        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Fail(file, 0, 0, "the file is empty; a scenario needs at least id, issues, actors and values");
        }

        return null;
    }

    /// <summary>The extension, lower case with its dot ("" when none).</summary>
    public static string Extension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant();

    /// <summary>True for the extensions one of the built-in readers claims.</summary>
    public static bool IsKnownExtension(string fileName) => Extension(fileName) is ".yaml" or ".yml" or ".json" or ".csv";

    /// <summary>The first character that is not white space or a BOM, or '\0'.</summary>
    public static char FirstSignificant(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in StrictText.WithoutBom(bytes))
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return (char)b;
            }
        }

        return '\0';
    }

    /// <summary>The file name without folder and extension: the default scenario id.</summary>
    public static string Stem(string fileName) => Path.GetFileNameWithoutExtension(fileName);
}
