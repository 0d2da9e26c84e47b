using Microsoft.Extensions.DependencyInjection;
using Parley.Cli.Commands;
using Parley.Cli.Infrastructure;
using Parley.Core.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli;

/// <summary>Builds and runs the <c>parley</c> command line. Exit codes: 0 success, 1 internal error, 2 bad input.</summary>
internal static class ParleyApp
{
    public static int Run(string[] args, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var services = new ServiceCollection();
        services.AddSingleton(io);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("parley");
            config.SetApplicationVersion(typeof(ParleyApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.ConfigureConsole(io.Console);
            config.SetExceptionHandler((ex, _) => HandleException(ex, io));
            config.AddCommand<ForecastCommand>("forecast")
                .WithDescription("Forecast every issue with each model (default: the embedded Korea 2025 scenario, all models).")
                .WithExample("forecast")
                .WithExample("forecast", "scenario.yaml", "--model", "eum", "--rounds", "8")
                .WithExample("forecast", "--variant", "allied-coordination", "--format", "json");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a scenario file and list every problem with file:line:column.");
            config.AddCommand<ShowCommand>("show")
                .WithDescription("Show a scenario: actors × issues with low / most-likely / high and evidence.");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Compare variants with the baseline using paired Monte Carlo draws.")
                .WithExample("compare", "--variants", "allied-coordination,progressive-rok");
            config.AddCommand<SensitivityCommand>("sensitivity")
                .WithDescription("Whose numbers matter: one-at-a-time tornado and Sobol indices per issue and model.")
                .WithExample("sensitivity", "--issue", "deal-scope", "--model", "eum");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Judge the scenario's predictions under every model, with probabilities.");
            config.AddCommand<RoadmapCommand>("roadmap")
                .WithDescription("Plan a staged, reciprocal roadmap that every veto player accepts at every stage.")
                .WithExample("roadmap", "--beneficiary", "japan");
            config.AddBranch("runs", runs =>
            {
                runs.SetDescription("The store of past runs: list, show, rerun (byte-for-byte check) and export.");
                runs.AddCommand<RunsListCommand>("list").WithDescription("Stored runs, newest first.");
                runs.AddCommand<RunsShowCommand>("show").WithDescription("One run's inputs, parameters and results.");
                runs.AddCommand<RunsRerunCommand>("rerun").WithDescription("Run a stored run again and check the results are byte-identical.");
                runs.AddCommand<RunsExportCommand>("export").WithDescription("A run with its scenario text and results as one JSON document.");
            });
            config.AddCommand<AdviseCommand>("advise").WithDescription("Advise an actor: score the scenario's recommendations and rank its levers by gain per cost, per model.").WithExample("advise", "--actor", "japan");
            config.AddCommand<ReportCommand>("report").WithDescription("Write a self-contained HTML report with charts for every issue (--png DIR: charts as PNG too).").WithExample("report", "-o", "korea.html");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Convert a KTAB (CSV, XML), Decide, CSV or JSON scenario to Parley YAML.")
                .WithExample("import", "CoP21.csv", "-o", "cop21.yaml");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Write a scenario for KTAB (--to ktab) or the Decide exchange model (--to decide).")
                .WithExample("export", "scenario.yaml", "--to", "ktab", "-o", "scenario.csv");
            config.AddCommand<ScenariosCommand>("scenarios")
                .WithDescription("List the embedded scenarios.");
            config.AddCommand<ServeCommand>("serve").WithDescription("Serve the web app on 127.0.0.1 (editor, runs, results, history, JSON API).").WithExample("serve", "--port", "5178");
        });
        return app.Run(NormalizeArguments(args));
    }

    /// <summary>
    /// Accepts <c>--q</c>, the name the model literature uses for the status-quo probability, although
    /// Spectre.Console.Cli only allows one-letter names with a single dash: it becomes <c>-q</c>.
    /// </summary>
    internal static string[] NormalizeArguments(string[] args) =>
        args.Select(a => a == "--q" ? "-q" : a.StartsWith("--q=", StringComparison.Ordinal) ? "-q=" + a[4..] : a).ToArray();

    private static int HandleException(Exception ex, CliIo io)
    {
        switch (ex)
        {
            case ScenarioLoadException load:
                var n = load.Problems.Count;
                io.Error.WriteLine($"error: the scenario has {n} problem{(n == 1 ? string.Empty : "s")}:");
                foreach (var p in load.Problems)
                {
                    io.Error.WriteLine("  " + p);
                }

                return 2;
            case UserInputException user:
                io.Error.WriteLine($"error: {user.Message}");
                return 2;
            case CommandAppException cli:
                io.Error.WriteLine($"error: {cli.Message}");
                io.Error.WriteLine("Run 'parley --help' or 'parley <command> --help' for usage.");
                return 2;
            default:
                io.Error.WriteLine($"internal error: {ex.Message}");
                io.Error.WriteLine("This is a bug in Parley, not in your input; please report it with the command you ran.");
                return 1;
        }
    }
}
