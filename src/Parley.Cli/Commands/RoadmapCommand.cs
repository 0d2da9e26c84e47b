using Parley.Formats.Embedded;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Cli.Infrastructure;
using Parley.Cli.Rendering;
using Parley.Core.Analysis.Roadmaps;
using Parley.Core.Forecasting;
using Parley.Core.Models.Compromise;
using Parley.Core.Scenarios;
using Parley.Formats.Steps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley roadmap [FILE] --steps STEPS.yaml</c>: a staged, reciprocal roadmap every veto player accepts.</summary>
internal sealed class RoadmapCommand(CliIo io) : Command<RoadmapCommand.Settings>
{
    internal sealed class Settings : ScenarioSettings
    {
        [CommandOption("--steps <FILE>")]
        [Description("Step library (YAML). Default for the embedded korea-2025: its embedded korea-2025-steps.")]
        public string? Steps { get; init; }

        [CommandOption("--beneficiary <ID>")]
        [Description("Actor whose salience-weighted gain is maximised. Default: the actor the scenario's recommendations are for.")]
        public string? Beneficiary { get; init; }

        [CommandOption("--veto <LIST>")]
        [Description("Actors who must accept every stage. Default: the step owners plus the library's allies.")]
        public string? Veto { get; init; }

        [CommandOption("--variant <ID>")]
        [Description("Plan in a named variant instead of the baseline.")]
        public string? Variant { get; init; }

        [CommandOption("--max-stages <N>")]
        [Description("Most stages in a roadmap (default 8).")]
        public int MaxStages { get; init; } = 8;

        [CommandOption("--max-package <N>")]
        [Description("Most steps exchanged in one stage (default 4).")]
        public int MaxPackage { get; init; } = 4;

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            if (!b.Successful)
            {
                return b;
            }

            if (MaxStages is < 1 or > 50 || MaxPackage is < 1 or > 20)
            {
                return ValidationResult.Error("--max-stages must be 1 to 50 and --max-package 1 to 20.");
            }

            return Format is "table" or "json" ? ValidationResult.Success() : ValidationResult.Error($"--format '{Format}' is not known: use table or json.");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = VariantResolver.Apply(ScenarioResolver.Resolve(settings.File, settings.LoadOptions()), settings.Variant);
        var library = LoadLibrary(settings, scenario);
        var beneficiary = settings.Beneficiary
            ?? scenario.Recommendations.Select(r => r.By).FirstOrDefault()
            ?? throw new UserInputException("Give --beneficiary ID: the scenario has no recommendations that name whom they are for.");
        if (scenario.FindActor(beneficiary) is null)
        {
            throw new UserInputException($"--beneficiary '{beneficiary}' is not an actor of '{scenario.Id}'. Actors: {string.Join(", ", scenario.Actors.Select(a => a.Id))}.");
        }

        IReadOnlyList<string> veto = settings.Veto is null
            ? RoadmapProblem.DefaultVetoPlayers(library, library.Allies)
            : settings.Veto.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = veto.Where(v => scenario.FindActor(v) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new UserInputException($"--veto: unknown actor{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown)}. Actors: {string.Join(", ", scenario.Actors.Select(a => a.Id))}.");
        }

        var options = new RoadmapOptions { MaxStages = settings.MaxStages, MaxStepsPerPackage = settings.MaxPackage };
        var result = ProgressRunner.Run(io, settings.Format == "table", "Planning", (_, _) => Plan(scenario, library, beneficiary, veto, options), cancellationToken);
        if (settings.Format == "json")
        {
            io.Out.Write(ToJson(scenario, library, result));
        }
        else
        {
            Render(scenario, library, result);
        }

        return 0;
    }

    /// <summary>Plans a roadmap; issues without a status quo start from the compromise forecast (where a deal would land today).</summary>
    internal static RoadmapResult Plan(Scenario scenario, StepLibrary library, string beneficiary, IReadOnlyList<string> veto, RoadmapOptions? options = null)
    {
        var baseline = ScenarioForecaster.Run(scenario, [new CompromiseModel()]).Issues.ToDictionary(i => i.Issue.Id, i => i.Forecasts[0].Value);
        var start = RoadmapProblem.StartState(scenario, baseline);
        return RoadmapPlanner.Plan(RoadmapProblem.FromScenario(scenario, library, start, beneficiary, veto, options));
    }

    /// <summary>The embedded step library of <paramref name="scenario"/>, or null when none ships with Parley.</summary>
    internal static StepLibrary? EmbeddedLibrary(Scenario scenario)
    {
        var embedded = EmbeddedScenarios.ReadResource(scenario.Id + "-steps");
        return embedded is null ? null : StepLibraryReader.Parse(embedded, EmbeddedScenarios.DisplayName(scenario.Id + "-steps"), scenario);
    }

    private static StepLibrary LoadLibrary(Settings settings, Scenario scenario)
    {
        if (settings.Steps is not null)
        {
            if (!File.Exists(settings.Steps))
            {
                throw new ScenarioLoadException([new ScenarioProblem(new SourceLocation(settings.Steps, 0, 0), string.Empty, "no such step library file. Give a YAML step library (see docs/roadmaps.md).")]);
            }

            return StepLibraryReader.Load(settings.Steps, scenario);
        }

        return EmbeddedLibrary(scenario)
            ?? throw new UserInputException($"Give --steps FILE: there is no embedded step library for scenario '{scenario.Id}'.");
    }

    private void Render(Scenario scenario, StepLibrary library, RoadmapResult r)
    {
        var c = io.Console;
        c.Write(new Rule($"[bold]Roadmap[/] for {Markup.Escape(Name(scenario, r.Beneficiary))} · {Markup.Escape(scenario.Name)}").LeftJustified());
        c.MarkupLine($"[grey]steps[/] {library.Steps.Count} from {Markup.Escape(library.Name ?? library.Id)}   [grey]veto players[/] {Markup.Escape(string.Join(", ", r.VetoPlayers))}");
        c.MarkupLine("[grey]Every stage must leave each veto player at least as well off as before by its own salience-weighted utility over the issues; the beneficiary's gain at the end is maximised.[/]");
        c.WriteLine();
        if (r.Status == RoadmapStatus.Blocked)
        {
            c.MarkupLine("[red bold]No acceptable roadmap exists.[/]");
        }

        foreach (var stage in r.Stages)
        {
            var t = new Table().RoundedBorder().Expand();
            t.Title = new TableTitle($"[bold]Stage {stage.Number}[/] [grey]({Markup.Escape(string.Join(" ↔ ", stage.Owners))})[/]");
            t.AddColumn("Step");
            t.AddColumn("Given by");
            t.AddColumn("Effects");
            t.AddColumn("Reversible");
            foreach (var id in stage.StepIds)
            {
                var step = library.Find(id)!;
                t.AddRow(
                    Markup.Escape(step.Name),
                    Markup.Escape(step.Owner),
                    Markup.Escape(string.Join(", ", step.Effects.Select(e => $"{e.IssueId} {e.Shift.ToString("+0.#;-0.#", CultureInfo.InvariantCulture)}"))),
                    step.Reversible ? "yes" : "[yellow]no[/]");
            }

            c.Write(t);
            var margins = string.Join("   ", stage.Margins.Where(m => m.IsVetoPlayer || m.ActorId == r.Beneficiary)
                .Select(m => $"{Markup.Escape(m.ActorId)} [{(m.Margin >= -1e-9 ? "green" : "red")}]{m.Margin.ToString("+0.0000;-0.0000;0", CultureInfo.InvariantCulture)}[/]"));
            c.MarkupLine($"  [grey]acceptance margins (utility change this stage):[/] {margins}");
            c.WriteLine();
        }

        if (r.Stages.Count > 0)
        {
            var s = new Table().RoundedBorder();
            s.AddColumn("Issue");
            s.AddColumn(new TableColumn("Start").RightAligned());
            s.AddColumn(new TableColumn("End").RightAligned());
            for (var k = 0; k < r.StartState.Count; k++)
            {
                var issue = scenario.FindIssue(r.StartState[k].IssueId)!;
                s.AddRow(Markup.Escape(issue.Name), NumberFormat.OnScale(issue, r.StartState[k].Value), NumberFormat.OnScale(issue, r.FinalState[k].Value));
            }

            c.Write(s);
        }

        c.MarkupLine($"[bold]{Markup.Escape(Name(scenario, r.Beneficiary))}'s gain:[/] {r.BeneficiaryGain.ToString("0.0000", CultureInfo.InvariantCulture)} (share of its maximum salience-weighted utility). " +
            (r.Search.ProvenOptimal ? "[green]Proven optimal[/] within the limits." : $"[yellow]Best found; at most {r.Search.Gap.ToString("0.0000", CultureInfo.InvariantCulture)} short of the optimum[/] (search budget spent)."));
        var blockers = r.Blockers.Take(8).ToList();
        if (blockers.Count > 0)
        {
            c.WriteLine();
            c.MarkupLine("[bold]Steps left out because a veto player would lose[/]");
            foreach (var b in blockers)
            {
                var worst = b.Blockers.FirstOrDefault();
                var who = worst is null ? string.Empty : $"{worst.ActorId} ({worst.Margin.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)})";
                c.MarkupLine($"  {Markup.Escape(library.Find(b.StepId)?.Name ?? b.StepId)} [grey]— blocked by[/] {Markup.Escape(who)}");
            }
        }
    }

    private static string Name(Scenario s, string actorId) => s.FindActor(actorId)?.Name ?? actorId;

    private static string ToJson(Scenario scenario, StepLibrary library, RoadmapResult r)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario.Id);
            w.WriteString("library", library.Id);
            w.WriteString("status", r.Status == RoadmapStatus.Found ? "found" : "blocked");
            w.WriteString("beneficiary", r.Beneficiary);
            w.WriteNumber("beneficiaryGain", r.BeneficiaryGain);
            w.WriteStartArray("vetoPlayers");
            foreach (var v in r.VetoPlayers)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
            w.WriteStartArray("stages");
            foreach (var stage in r.Stages)
            {
                w.WriteStartObject();
                w.WriteNumber("stage", stage.Number);
                w.WriteStartArray("steps");
                foreach (var id in stage.StepIds)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteStartObject("margins");
                foreach (var m in stage.Margins)
                {
                    w.WriteNumber(m.ActorId, m.Margin);
                }

                w.WriteEndObject();
                w.WriteStartObject("stateAfter");
                foreach (var o in stage.StateAfter)
                {
                    w.WriteNumber(o.IssueId, o.Value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("blocked");
            foreach (var b in r.Blockers)
            {
                w.WriteStartObject();
                w.WriteString("step", b.StepId);
                w.WriteString("by", b.Blockers.FirstOrDefault()?.ActorId);
                w.WriteNumber("beneficiaryGain", b.BeneficiaryGain);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("search");
            w.WriteString("method", r.Search.Method);
            w.WriteBoolean("provenOptimal", r.Search.ProvenOptimal);
            w.WriteNumber("upperBound", r.Search.UpperBound);
            w.WriteNumber("gap", r.Search.Gap);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
