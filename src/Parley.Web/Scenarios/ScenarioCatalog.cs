using Parley.Formats.Embedded;
using Parley.Core.Scenarios;
using Parley.Formats;
using Parley.Storage;
using Parley.Web.Api;

namespace Parley.Web.Scenarios;

/// <summary>
/// Finds scenarios by id: the newest version saved in the run store wins, otherwise the embedded one. Parses and
/// validates text through <see cref="ScenarioLoader"/> and applies <see cref="WebLimits"/>. Thread-safe.
/// </summary>
/// <remarks>
/// The list holds the embedded scenarios and every scenario in the store (saved through any process, or run).
/// </remarks>
public sealed class ScenarioCatalog(RunStore store)
{
    /// <summary>The run store the catalog saves to.</summary>
    public RunStore Store => store;

    /// <summary>Parses <paramref name="text"/> (YAML or JSON) and checks the web limits.</summary>
    /// <exception cref="ScenarioLoadException">The text has problems; each is listed with its location and field.</exception>
    /// <exception cref="WebInputException">The scenario is over a limit, or the format is unknown.</exception>
    public static ScenarioSource Parse(string text, string format, ScenarioOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fileName = format switch
        {
            "yaml" => "scenario.yaml",
            "json" => "scenario.json",
            _ => throw new WebInputException("Unknown scenario format", $"Scenario format '{format}' is not known: use yaml or json."),
        };
        var scenario = ScenarioLoader.LoadText(text, fileName);
        if (scenario.Actors.Count > WebLimits.MaxActors)
        {
            throw WebInputException.OverLimit("The number of actors", scenario.Actors.Count, WebLimits.MaxActors);
        }

        if (scenario.Issues.Count > WebLimits.MaxIssues)
        {
            throw WebInputException.OverLimit("The number of issues", scenario.Issues.Count, WebLimits.MaxIssues);
        }

        return new ScenarioSource(text, format, scenario, origin);
    }

    /// <summary>The version the app uses for <paramref name="idOrHash"/>: a scenario id, or a stored version's 64-hex hash.</summary>
    /// <exception cref="WebInputException">404 when neither the store nor the app has it.</exception>
    public ScenarioSource Get(string idOrHash)
    {
        ArgumentNullException.ThrowIfNull(idOrHash);
        if (ContentHash.IsWellFormed(idOrHash))
        {
            try
            {
                var record = store.GetScenario(idOrHash);
                return Parse(record.Text, record.Format, ScenarioOrigin.Saved);
            }
            catch (RunNotFoundException)
            {
                throw new WebInputException(StatusCodes.Status404NotFound, "Unknown scenario version", $"No scenario version with hash '{idOrHash}' is stored.");
            }
        }

        var versions = store.ListScenarioVersions(idOrHash);
        if (versions.Count > 0)
        {
            var latest = versions[^1];
            var origin = latest.Text == EmbeddedScenarios.ReadText(idOrHash) ? ScenarioOrigin.Embedded : ScenarioOrigin.Saved;
            return Parse(latest.Text, latest.Format, origin);
        }

        var embedded = EmbeddedScenarios.ReadText(idOrHash);
        if (embedded is not null)
        {
            return Parse(embedded, "yaml", ScenarioOrigin.Embedded);
        }

        throw WebInputException.UnknownScenario(idOrHash, KnownIds());
    }

    /// <summary>Validates and saves <paramref name="text"/> as a new version (no-op when the same text is stored).</summary>
    /// <param name="text">YAML or JSON scenario text.</param>
    /// <param name="format"><c>yaml</c> or <c>json</c>.</param>
    /// <param name="expectedId">When given, the scenario's own id must equal it (PUT to a scenario's URL).</param>
    public ScenarioSource Save(string text, string format, string? expectedId = null)
    {
        var source = Parse(text, format, ScenarioOrigin.Saved);
        if (expectedId is not null && source.Scenario.Id != expectedId)
        {
            throw new WebInputException("Scenario id mismatch", $"The body's scenario id is '{source.Scenario.Id}', but it was sent to '{expectedId}'. Send it to /api/scenarios/{source.Scenario.Id} or change its id.");
        }

        store.SaveScenario(source.Text, source.Format, source.Scenario.Id, source.Scenario.Name);
        return source;
    }

    /// <summary>Every scenario the app knows, sorted by id.</summary>
    public IReadOnlyList<ScenarioListItem> List()
    {
        var items = new List<ScenarioListItem>();
        foreach (var id in KnownIds())
        {
            var embedded = EmbeddedScenarios.ReadText(id);

            // Runs of the embedded scenario store its text too; only other texts count as saved versions.
            var versions = store.ListScenarioVersions(id).Where(v => v.Text != embedded).ToList();
            if (versions.Count > 0)
            {
                items.Add(new ScenarioListItem(id, versions[^1].Name, embedded is not null, versions.Count, versions[^1].Hash));
            }
            else if (embedded is not null)
            {
                var name = Parse(embedded, "yaml", ScenarioOrigin.Embedded).Scenario.Name;
                items.Add(new ScenarioListItem(id, name, true, 0, ContentHash.Of(embedded)));
            }
        }

        return items;
    }

    private IReadOnlyList<string> KnownIds()
    {
        // Every scenario in the store, saved or run, also those saved by an earlier process.
        return EmbeddedScenarios.Ids.Concat(store.ListScenarioIds()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
