namespace Parley.Web;

/// <summary>
/// The most one request may ask of the server. Requests over a limit get a 4xx problem-details answer naming the
/// limit, never a 500 and never a half-done run.
/// </summary>
public static class WebLimits
{
    /// <summary>Largest request body, in bytes (2 MiB).</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>Most Monte Carlo draws one run may ask for.</summary>
    public const int MaxDraws = 1_000_000;

    /// <summary>Most actors a scenario may have.</summary>
    public const int MaxActors = 500;

    /// <summary>Most issues a scenario may have.</summary>
    public const int MaxIssues = 100;

    /// <summary>Most variants one comparison may ask for.</summary>
    public const int MaxCompareVariants = 20;
}
