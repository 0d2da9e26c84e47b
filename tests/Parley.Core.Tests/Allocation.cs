namespace Parley.Core.Tests;

/// <summary>Measures managed allocations of warm code on the current thread.</summary>
internal static class Allocation
{
    /// <summary>
    /// Bytes allocated on this thread by the least-allocating of <paramref name="attempts"/> runs of
    /// <paramref name="action"/>. The runtime may allocate once on its own (tiered re-compilation of a hot method);
    /// an allocation in the code under test shows in every run.
    /// </summary>
    public static long Fewest(Action action, int attempts = 3)
    {
        ArgumentNullException.ThrowIfNull(action);
        var fewest = long.MaxValue;
        for (var k = 0; k < attempts && fewest != 0; k++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            action();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
