namespace Parley.Storage;

/// <summary>Where a stored run is in its life. A run moves once, from <see cref="Running"/> to a final state.</summary>
public enum RunStatus
{
    /// <summary>Begun with <see cref="RunStore.BeginRun"/> and not yet completed or failed; has no end time.</summary>
    Running = 0,

    /// <summary>Finished and printed results; <see cref="RunRecord.ResultsJson"/> holds the exact text printed.</summary>
    Succeeded = 1,

    /// <summary>Stopped with an error; <see cref="RunRecord.ErrorMessage"/> says why.</summary>
    Failed = 2,
}
