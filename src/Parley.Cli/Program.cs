using Parley.Cli;
using Parley.Cli.Infrastructure;
using Spectre.Console;

var io = new CliIo(AnsiConsole.Console, Console.Out, Console.Error) { Interactive = !Console.IsOutputRedirected };
return ParleyApp.Run(args, io);
