using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Parley.Cli.Infrastructure;
using Parley.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley serve</c>: the web app (scenario editor, runs, results, history, JSON API) until Ctrl+C.</summary>
internal sealed class ServeCommand(CliIo io) : Command<ServeCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>")]
        [Description("Port on 127.0.0.1 (default 5178). Ignored when --urls is given.")]
        public int Port { get; init; } = ParleyWebOptions.DefaultPort;

        [CommandOption("--db <PATH>")]
        [Description("The run database (default: the same store as 'parley runs').")]
        public string? Db { get; init; }

        [CommandOption("--urls <URLS>")]
        [Description("Listen URLs, ';'-separated, e.g. http://0.0.0.0:8080 to be reachable from other machines (no authentication!).")]
        public string? Urls { get; init; }

        public override ValidationResult Validate()
        {
            if (Port is < 1 or > 65535)
            {
                return ValidationResult.Error($"--port {Port} is out of range: give 1 to 65535.");
            }

            if (Urls is not null && Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(u => !Uri.TryCreate(u.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                return ValidationResult.Error($"--urls '{Urls}' is not a list of http(s) URLs, e.g. http://127.0.0.1:8080.");
            }

            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ParleyWebOptions { Port = settings.Port, Urls = settings.Urls, DatabasePath = settings.Db };
        using var app = ParleyWeb.Create(options);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            throw new UserInputException($"cannot listen on {options.EffectiveUrls}: {ex.Message} Pick another --port.");
        }

        io.Console.MarkupLine($"Parley is serving on [bold]{Markup.Escape(options.EffectiveUrls)}[/] (API under /api, OpenAPI at /openapi/v1.json). Press Ctrl+C to stop.");
        if (settings.Urls is not null && !settings.Urls.Contains("127.0.0.1", StringComparison.Ordinal) && !settings.Urls.Contains("localhost", StringComparison.Ordinal))
        {
            io.Error.WriteLine("warning: the app has no authentication; anyone who can reach these URLs can read and run your scenarios.");
        }

        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        return 0;
    }
}
