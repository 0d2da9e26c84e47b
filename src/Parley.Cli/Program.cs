using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config => config.SetApplicationName("parley"));
return app.Run(args);
