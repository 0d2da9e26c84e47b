using System.Text;

namespace Parley.Storage.Rerun;

/// <summary>
/// The outcome of comparing a rerun's printed results with the stored ones, byte for byte (UTF-8).
/// </summary>
/// <param name="Identical">True when the two byte sequences are equal.</param>
/// <param name="ByteOffset">Zero-based offset of the first differing byte (the shorter length when one is a prefix of the other), or -1 when identical.</param>
/// <param name="Line">One-based line of that byte in the stored text, or 0 when identical.</param>
/// <param name="Column">One-based byte column within that line, or 0 when identical.</param>
/// <param name="StoredLength">Length of the stored results in UTF-8 bytes.</param>
/// <param name="RerunLength">Length of the rerun's results in UTF-8 bytes.</param>
public sealed record ResultsComparison(bool Identical, long ByteOffset, int Line, int Column, long StoredLength, long RerunLength)
{
    /// <summary>Compares <paramref name="stored"/> (e.g. <see cref="RunRecord.ResultsJson"/>) with <paramref name="rerun"/>.</summary>
    public static ResultsComparison Compare(string stored, string rerun)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(rerun);
        var a = Encoding.UTF8.GetBytes(stored);
        var b = Encoding.UTF8.GetBytes(rerun);
        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length && common == b.Length)
        {
            return new ResultsComparison(true, -1, 0, 0, a.Length, b.Length);
        }

        var before = a.AsSpan(0, common);
        var line = before.Count((byte)'\n') + 1;
        var column = common - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new ResultsComparison(false, common, line, column, a.Length, b.Length);
    }

    /// <summary>A one-line description, e.g. "identical (1234 bytes)" or "differ at byte 57 (line 3, column 12)".</summary>
    public override string ToString() => Identical
        ? $"identical ({StoredLength} bytes)"
        : $"differ at byte {ByteOffset} (line {Line}, column {Column}); stored {StoredLength} bytes, rerun {RerunLength} bytes";
}
