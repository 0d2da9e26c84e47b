using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Scenarios;
using Parley.Storage;

namespace Parley.Web.Api;

/// <summary>
/// Turns exceptions a client can cause into RFC 7807 problem details with a 4xx status (JSON for the API, a small
/// HTML page for browsers). Anything else is left to the default handler: a 500 means a bug in Parley.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = Classify(exception);
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status400BadRequest;
        var wantsHtml = !httpContext.Request.Path.StartsWithSegments("/api")
            && httpContext.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (!wantsHtml && await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception }).ConfigureAwait(false))
        {
            return true;
        }

        httpContext.Response.ContentType = "text/html; charset=utf-8";
        var list = details.Extensions.TryGetValue("problems", out var p) && p is IEnumerable<ProblemItem> items
            ? "<ul>" + string.Concat(items.Select(i => $"<li><code>{WebUtility.HtmlEncode(i.Path)}</code> {WebUtility.HtmlEncode(i.Message)}</li>")) + "</ul>"
            : string.Empty;
        await httpContext.Response.WriteAsync(
            Pages.Layout.Page(details.Title ?? "Error", $"<h1>{WebUtility.HtmlEncode(details.Title)}</h1><p role=\"alert\">{WebUtility.HtmlEncode(details.Detail)}</p>{list}<p><a href=\"/\">Back to the scenarios</a></p>"),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The problem details for <paramref name="exception"/>, or null when it is not the client's doing.</summary>
    internal static ProblemDetails? Classify(Exception exception)
    {
        switch (exception)
        {
            case WebInputException web:
                return Problem(web.StatusCode, web.Title, web.Message);
            case ScenarioLoadException load:
                var n = load.Problems.Count;
                var pd = Problem(400, "Invalid scenario", n == 1 ? $"The scenario has 1 problem: {load.Problems[0]}" : $"The scenario has {n} problems; see 'problems'.");
                pd.Extensions["problems"] = load.Problems.Select(ProblemItem.From).ToList();
                return pd;
            case JsonException json:
                return Problem(400, "Malformed JSON", $"The request body is not valid JSON for this endpoint: {json.Message}");
            case AmbiguousRunIdException ambiguous:
                return Problem(400, "Ambiguous run id", ambiguous.Message);
            case RunNotFoundException notFound:
                return Problem(404, "Unknown run", notFound.Message);
            case RunConflictException conflict:
                return Problem(409, "Run conflict", conflict.Message);
            case BadHttpRequestException bad:
                return Problem(bad.StatusCode, bad.StatusCode == 413 ? "Request body too large" : "Bad request", bad.Message);
            case InvalidDataException invalid:
                return Problem(400, "Bad request", invalid.Message);
            default:
                return null;
        }
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = status switch
        {
            404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        },
    };
}

/// <summary>One scenario problem in a problem-details answer.</summary>
/// <param name="Location">File, line and column (<c>file:line:col</c>), as the loader reports it.</param>
/// <param name="Path">The field path, e.g. <c>values[japan/deal-scope].salience</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ProblemItem(string Location, string Path, string Message)
{
    internal static ProblemItem From(ScenarioProblem p) => new(p.Location.ToString(), p.FieldPath, p.Message);
}
