using System.Text;

namespace Parley.Web.Api;

/// <summary>Reads a request body as text, refusing bodies over <see cref="WebLimits.MaxBodyBytes"/>.</summary>
internal static class BodyReader
{
    /// <summary>
    /// The body as UTF-8 text. Checks Content-Length first and then counts the bytes actually read, so a chunked body
    /// without a length is refused too (the in-memory test server does not enforce Kestrel's own limit).
    /// </summary>
    /// <exception cref="WebInputException">413 when the body is too large; 400 when it is not UTF-8.</exception>
    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > WebLimits.MaxBodyBytes)
        {
            throw TooLarge(request.ContentLength.Value);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > WebLimits.MaxBodyBytes)
            {
                throw TooLarge(buffer.Length + read);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length));
        }
        catch (DecoderFallbackException)
        {
            throw new WebInputException("Not UTF-8", "The request body is not valid UTF-8 text.");
        }
    }

    private static WebInputException TooLarge(long bytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body has at least {bytes} bytes, over the limit of {WebLimits.MaxBodyBytes} bytes (2 MiB).");
}
