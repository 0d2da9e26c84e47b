using Parley.Cli;
using Parley.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Parley.Cli.Tests;

/// <summary>Runs the parley command line in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Console, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var console = new TestConsole().Width(200);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ParleyApp.Run(args, new CliIo(console, stdout, stderr));
        return new Result(code, console.Output, stdout.ToString(), stderr.ToString());
    }
}
