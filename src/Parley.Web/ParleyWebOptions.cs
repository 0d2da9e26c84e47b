namespace Parley.Web;

/// <summary>How <see cref="ParleyWeb.Create"/> sets up the app. Immutable; copy with <c>with</c>.</summary>
public sealed record ParleyWebOptions
{
    /// <summary>The port used when <see cref="Urls"/> is not given.</summary>
    public const int DefaultPort = 5178;

    /// <summary>The SQLite run store; null for <see cref="Storage.RunStore.DefaultPath"/>.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>
    /// Kestrel's listen URLs (semicolon-separated, e.g. <c>http://0.0.0.0:8080</c>); null to listen on
    /// <c>http://127.0.0.1:{Port}</c> only, so that the app is not reachable from other machines unless asked.
    /// </summary>
    public string? Urls { get; init; }

    /// <summary>Loopback port when <see cref="Urls"/> is null. Range: 0 (any free port) to 65535.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The listen URLs these options give.</summary>
    public string EffectiveUrls => string.IsNullOrWhiteSpace(Urls) ? $"http://127.0.0.1:{Port}" : Urls;
}
