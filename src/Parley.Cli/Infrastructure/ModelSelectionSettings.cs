using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Infrastructure;

/// <summary>Simulation settings plus a model choice and eum parameters, shared by compare, sensitivity and check.</summary>
internal class ModelSelectionSettings : UncertaintySettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("compromise, median, eum or all (comma-separated for several). Default: all three.")]
    public string? Model { get; init; }

    [CommandOption("--rounds <N>")]
    [Description("Rounds of the eum model (default 10).")]
    public int? Rounds { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json.")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    public IReadOnlyList<string> ModelIds => ModelCatalog.TryParse(Model, out var ids, out _, allowScenarioModels: false) ? ids : [];

    public ModelParameters Parameters => new(Rounds, null);

    public override ValidationResult Validate()
    {
        var b = base.Validate();
        if (!b.Successful)
        {
            return b;
        }

        if (!ModelCatalog.TryParse(Model, out _, out var error, allowScenarioModels: false))
        {
            return ValidationResult.Error(error);
        }

        if (Rounds is { } r && (r < 1 || r > 10_000))
        {
            return ValidationResult.Error($"--rounds {r.ToString(CultureInfo.InvariantCulture)} is out of range: give a whole number from 1 to 10000.");
        }

        return Format is "table" or "json" ? ValidationResult.Success() : ValidationResult.Error($"--format '{Format}' is not known: use table or json.");
    }
}
