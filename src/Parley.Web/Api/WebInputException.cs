namespace Parley.Web.Api;

/// <summary>
/// Bad input from a client: becomes an RFC 7807 problem-details answer with <see cref="StatusCode"/> (a 4xx), the
/// <see cref="Title"/> and the message as <c>detail</c>.
/// </summary>
public sealed class WebInputException : Exception
{
    /// <summary>A 400 with the given title and detail.</summary>
    public WebInputException(string title, string detail)
        : this(StatusCodes.Status400BadRequest, title, detail)
    {
    }

    /// <summary>An answer with <paramref name="statusCode"/> (400 to 499).</summary>
    public WebInputException(int statusCode, string title, string detail)
        : base(detail)
    {
        if (statusCode is < 400 or > 499)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Status code should be in range [400-499].");
        }

        StatusCode = statusCode;
        Title = title;
    }

    public WebInputException()
        : this("Bad request", "The request is not valid.")
    {
    }

    public WebInputException(string message)
        : this("Bad request", message)
    {
    }

    public WebInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        Title = "Bad request";
    }

    /// <summary>The HTTP status, 400 to 499.</summary>
    public int StatusCode { get; }

    /// <summary>Short, fixed summary of the kind of problem.</summary>
    public string Title { get; }

    /// <summary>An unknown scenario id (404).</summary>
    public static WebInputException UnknownScenario(string id, IEnumerable<string> known) =>
        new(StatusCodes.Status404NotFound, "Unknown scenario", $"No scenario '{id}' is embedded or saved. Known scenarios: {string.Join(", ", known)}.");

    /// <summary>A value over one of the <see cref="WebLimits"/>.</summary>
    public static WebInputException OverLimit(string what, long value, long limit) =>
        new("Over a limit", $"{what} is {value}, over the limit of {limit}.");
}
