using Parley.Cli.Rendering;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Cli.Infrastructure;
using Parley.Core.Analysis.Claims;
using Parley.Core.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley check [FILE]</c>: the scenario's predictions, each judged under every model.</summary>
internal sealed class CheckCommand(CliIo io) : Command<CheckCommand.Settings>
{
    internal sealed class Settings : ModelSelectionSettings
    {
        [CommandOption("--draws <N>")]
        [Description("Monte Carlo draws behind each probability (default 2000; 0 = judge at the most-likely values).")]
        public int Draws { get; init; } = 2000;

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            if (!b.Successful)
            {
                return b;
            }

            return Draws is < 0 or > 1_000_000
                ? ValidationResult.Error($"--draws {Draws.ToString(CultureInfo.InvariantCulture)} is out of range: give 0 to 1000000.")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioResolver.Resolve(settings.File, settings.LoadOptions());
        if (scenario.Predictions.Count == 0)
        {
            throw new UserInputException($"Scenario '{scenario.Id}' has no predictions to check. Add a 'predictions' list (see docs/scenario-format.md).");
        }

        var models = ModelCatalog.Create(settings.ModelIds, settings.Parameters);
        var options = settings.Draws == 0 ? null : new MonteCarloOptions { Draws = settings.Draws, Seed = settings.Seed, Distribution = settings.Distribution, MaxDegreeOfParallelism = settings.Threads };
        var results = ProgressRunner.Run(io, settings.Format == "table", "Checking claims", (_, _) => ClaimChecker.CheckAll(new SimulatedClaimEvidence(scenario, models, options)), cancellationToken);
        if (settings.Format == "json")
        {
            io.Out.Write(ToJson(scenario.Id, settings, results));
            return 0;
        }

        var c = io.Console;
        c.Write(new Rule($"[bold]{Markup.Escape(scenario.Name)}[/]: the scenario's claims against the models").LeftJustified());
        c.MarkupLine(options is null
            ? "[grey]Judged at the most-likely values (no draws).[/]"
            : $"[grey]Probabilities from {options.Draws:N0} Monte Carlo draws, seed {options.Seed}; variants share the draws (paired).[/]");
        var table = new Table().RoundedBorder().Expand();
        table.AddColumn("Claim");
        table.AddColumn("Model");
        table.AddColumn("Verdict");
        table.AddColumn(new TableColumn("P").RightAligned());
        table.AddColumn("Why");
        foreach (var r in results)
        {
            var first = true;
            foreach (var v in r.Verdicts)
            {
                table.AddRow(
                    first ? new Markup($"[bold]{Markup.Escape(r.PredictionId)}[/]\n[grey]{Markup.Escape(Shorten(r.Statement, 90))}[/]") : new Markup(string.Empty),
                    new Markup(Markup.Escape(v.Model)),
                    new Markup(v.Verdict switch { Verdict.Holds => "[green]holds[/]", Verdict.Fails => "[red]fails[/]", _ => "[yellow]not checkable[/]" }),
                    new Markup(v.Probability is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty),
                    new Markup(Markup.Escape(v.Detail)));
                first = false;
            }
        }

        c.Write(table);
        var all = results.SelectMany(r => r.Verdicts).ToList();
        c.MarkupLine($"{results.Count} claims: {all.Count(v => v.Verdict == Verdict.Holds)} verdicts hold, {all.Count(v => v.Verdict == Verdict.Fails)} fail, {all.Count(v => v.Verdict == Verdict.NotCheckable)} cannot be checked by the models.");
        return 0;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string ToJson(string scenarioId, Settings settings, IReadOnlyList<ClaimResult> results)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenarioId);
            w.WriteNumber("draws", settings.Draws);
            w.WriteNumber("seed", settings.Seed);
            w.WriteStartArray("claims");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("id", r.PredictionId);
                w.WriteString("statement", r.Statement);
                w.WriteStartArray("verdicts");
                foreach (var v in r.Verdicts)
                {
                    w.WriteStartObject();
                    w.WriteString("model", v.Model);
                    w.WriteString("verdict", v.Verdict switch { Verdict.Holds => "holds", Verdict.Fails => "fails", _ => "not-checkable" });
                    if (v.Probability is { } p)
                    {
                        w.WriteNumber("probability", p);
                    }
                    else
                    {
                        w.WriteNull("probability");
                    }

                    w.WriteString("detail", v.Detail);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
