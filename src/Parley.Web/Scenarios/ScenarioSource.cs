using Parley.Core.Scenarios;

namespace Parley.Web.Scenarios;

/// <summary>Where a scenario version the app shows or runs came from.</summary>
public enum ScenarioOrigin
{
    /// <summary>Shipped inside the app.</summary>
    Embedded,

    /// <summary>Saved in the run store (an upload or an edit).</summary>
    Saved,

    /// <summary>Given inline with a run request.</summary>
    Inline,
}

/// <summary>
/// One scenario version: its exact text (what the store hashes), the text's format, and the loaded, validated scenario.
/// </summary>
/// <param name="Text">The scenario text exactly as stored or embedded.</param>
/// <param name="Format"><c>yaml</c> or <c>json</c>.</param>
/// <param name="Scenario">The scenario the text loads to (validated, within <see cref="WebLimits"/>).</param>
/// <param name="Origin">Where it came from.</param>
public sealed record ScenarioSource(string Text, string Format, Scenario Scenario, ScenarioOrigin Origin)
{
    /// <summary>The store's content hash of <see cref="Text"/>.</summary>
    public string Hash => Storage.ContentHash.Of(Text);
}

/// <summary>A line of the scenario list.</summary>
/// <param name="Id">The scenario id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Embedded">True when the app ships a version.</param>
/// <param name="SavedVersions">How many versions the store holds.</param>
/// <param name="LatestHash">The hash of the version the app uses (the newest saved, else the embedded one).</param>
public sealed record ScenarioListItem(string Id, string Name, bool Embedded, int SavedVersions, string LatestHash);
