namespace Parley.Cli.Infrastructure;

/// <summary>The text a scenario was loaded from, kept so that a stored run can be repeated from the same bytes.</summary>
/// <param name="Text">The file's text.</param>
/// <param name="Name">File name (for format detection) or the embedded id's display name.</param>
internal sealed record ScenarioSource(string Text, string Name)
{
    /// <summary>yaml, json or csv (other readers' formats are stored under their extension).</summary>
    public string Format
    {
        get
        {
            var ext = Path.GetExtension(Name).TrimStart('.').ToLowerInvariant();
            return ext switch
            {
                "yml" => "yaml",
                "" => "yaml",
                _ => ext,
            };
        }
    }
}
