using Parley.Cli;
using Parley.Cli.Infrastructure;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Redirected output has no terminal width; 80 columns would fold the tables into unreadable slivers.
    console.Profile.Width = 140;
}

var io = new CliIo(console, Console.Out, Console.Error) { Interactive = !Console.IsOutputRedirected };
return ParleyApp.Run(args, io);
