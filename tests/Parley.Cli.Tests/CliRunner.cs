using Parley.Cli;
using Parley.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Parley.Cli.Tests;

/// <summary>Runs the parley command line in-process and captures what it writes.</summary>
internal static class CliRunner
{
    /// <summary>One run store per test process, so that tests never touch the user's own database.</summary>
    public static readonly string Database = Path.Combine(Path.GetTempPath(), $"parley-cli-tests-{Environment.ProcessId}-{Guid.NewGuid():N}.db");

    public sealed record Result(int ExitCode, string Console, string Out, string Error);

    public static Result Run(params string[] args) => RunWithDatabase(Database, args);

    public static Result RunWithDatabase(string database, params string[] args)
    {
        var console = new TestConsole().Width(200);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ParleyApp.Run(args, new CliIo(console, stdout, stderr) { DatabasePath = database });
        return new Result(code, console.Output, stdout.ToString(), stderr.ToString());
    }
}
