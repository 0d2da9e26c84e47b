using Parley.Cli;
using Parley.Cli.Infrastructure;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Redirected output has no terminal width; 80 columns would fold the tables into unreadable slivers.
    console.Profile.Width = 140;
}

var database = Environment.GetEnvironmentVariable("PARLEY_DB");
var io = new CliIo(console, Console.Out, Console.Error)
{
    Interactive = !Console.IsOutputRedirected,
    DatabasePath = string.IsNullOrWhiteSpace(database) ? null : database,
};
return ParleyApp.Run(args, io);
