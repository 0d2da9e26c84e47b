namespace Parley.Cli.Rendering;

/// <summary>A histogram as a one-line string of block characters, for table cells.</summary>
internal static class Sparkline
{
    private const string Blocks = " ▁▂▃▄▅▆▇█";

    public static string Of(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var max = counts.Count == 0 ? 0 : counts.Max();
        if (max == 0)
        {
            return string.Empty;
        }

        // Any non-empty bin shows at least the lowest block, so thin tails stay visible.
        return string.Concat(counts.Select(c => c == 0 ? ' ' : Blocks[Math.Max(1, (int)Math.Round(8.0 * c / max))]));
    }
}
