using Spectre.Console;

namespace Parley.Cli.Infrastructure;

/// <summary>
/// Runs long work and shows a Spectre.Console progress bar only when the work outlasts a second and the output is a
/// terminal (never for JSON or redirected output, which must stay clean).
/// </summary>
internal static class ProgressRunner
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    public static T Run<T>(CliIo io, bool allowBar, string label, Func<IProgress<double>, CancellationToken, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(work);
        var progress = new MaxProgress();
        var task = Task.Run(() => work(progress, cancellationToken), cancellationToken);
        if (!allowBar || !io.Interactive || task.Wait(Grace, cancellationToken))
        {
            return task.GetAwaiter().GetResult();
        }

        io.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bar = ctx.AddTask(label, maxValue: 1.0);
                while (!task.Wait(100, cancellationToken))
                {
                    bar.Value = progress.Value;
                }

                bar.Value = 1.0;
            });
        return task.GetAwaiter().GetResult();
    }

    /// <summary>A synchronous progress sink that keeps the largest value reported (workers report out of order).</summary>
    private sealed class MaxProgress : IProgress<double>
    {
        private readonly Lock _gate = new();
        private double _value;

        public double Value
        {
            get
            {
                lock (_gate)
                {
                    return _value;
                }
            }
        }

        public void Report(double value)
        {
            lock (_gate)
            {
                _value = Math.Max(_value, value);
            }
        }
    }
}
