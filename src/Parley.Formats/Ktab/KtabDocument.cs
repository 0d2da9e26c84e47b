using Parley.Core.Models.Smp;
using Parley.Core.Scenarios;

namespace Parley.Formats.Ktab;

/// <summary>One actor row of a KTAB SMP file.</summary>
/// <param name="Name">Actor name as written (KTAB: at most 25 characters); Parley ids are this, trimmed.</param>
/// <param name="Description">Free text.</param>
/// <param name="Capability">KTAB's power/influence, [0, 1e8].</param>
/// <param name="Positions">One per dimension, 0–100.</param>
/// <param name="Saliences">One per dimension, 0–100, summing to at most 100.</param>
public sealed record KtabActor(string Name, string Description, double Capability, IReadOnlyList<double> Positions, IReadOnlyList<double> Saliences);

/// <summary>
/// The content of a KTAB SMP scenario file (CSV or XML): dimensions, actors and, from XML only, model parameters, seed
/// and ideal-accommodation matrix. Produced by <see cref="KtabCsvReader"/> and <see cref="KtabXmlReader"/>, already validated.
/// </summary>
/// <param name="Name">Scenario name as written.</param>
/// <param name="Description">Scenario description as written.</param>
/// <param name="Dimensions">Dimension names as written (leading spaces kept, as KTAB keeps them).</param>
/// <param name="Actors">Actors in file order.</param>
/// <param name="Options">SMP options: KTAB's defaults for CSV; the file's parameters and seed for XML.</param>
/// <param name="Accommodation">XML <c>IdealAdjustment</c> as an N×N matrix (row = adjusting actor), or null for the identity.</param>
public sealed record KtabDocument(
    string Name,
    string Description,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<KtabActor> Actors,
    SmpOptions Options,
    double[,]? Accommodation)
{
    /// <summary>
    /// A Parley scenario: id and name = the scenario name trimmed, title = its description; issues = dimensions (id and
    /// name trimmed, scale 0–100 declared); actors = rows (id and name = actor name trimmed); every actor has a value on
    /// every issue with its position, salience and, as capability, the actor's single KTAB capability.
    /// Model parameters, seed and accommodation have no place in a scenario and are left out.
    /// </summary>
    public Scenario ToScenario()
    {
        var issues = Dimensions.Select(d => new Issue(d.Trim(), d.Trim(), null, 0, 100, true, [], null, null, Evidence.None)).ToList();
        var actors = Actors.Select(a => new Actor(a.Name.Trim(), a.Name.Trim(), string.IsNullOrWhiteSpace(a.Description) ? null : a.Description.Trim(), Evidence.None)).ToList();
        var values = new List<ActorIssueValue>();
        for (var i = 0; i < Actors.Count; i++)
        {
            for (var k = 0; k < Dimensions.Count; k++)
            {
                values.Add(new ActorIssueValue(
                    actors[i].Id,
                    issues[k].Id,
                    Estimate.Exactly(Actors[i].Positions[k]),
                    Estimate.Exactly(Actors[i].Saliences[k]),
                    Estimate.Exactly(Actors[i].Capability),
                    Evidence.None));
            }
        }

        var metadata = new ScenarioMetadata(string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), null, null, [], new Dictionary<string, string>());
        return new Scenario(Name.Trim(), Name.Trim(), metadata, issues, actors, values);
    }

    /// <summary>
    /// The SMP input exactly as KTAB reads the file (names kept as written, accommodation included).
    /// </summary>
    /// <exception cref="ArgumentException">An actor has capability 0 or salience 0 everywhere, which the file format allows but SMP (and KTAB) cannot run.</exception>
    public SmpInput ToSmpInput()
    {
        var n = Actors.Count;
        var d = Dimensions.Count;
        var pos = new double[n, d];
        var sal = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < d; k++)
            {
                pos[i, k] = Actors[i].Positions[k];
                sal[i, k] = Actors[i].Saliences[k];
            }
        }

        return SmpInput.Create(Actors.Select(a => a.Name).ToArray(), Dimensions, Actors.Select(a => a.Capability).ToArray(), pos, sal, null, Accommodation, Name);
    }
}
