using Microsoft.AspNetCore.Http.Features;
using Parley.Storage;
using Parley.Web.Api;
using Parley.Web.Pages;
using Parley.Web.Runs;
using Parley.Web.Scenarios;

namespace Parley.Web;

/// <summary>Builds the Parley web app: pages, the JSON API under <c>/api</c> and its OpenAPI document.</summary>
public static class ParleyWeb
{
    /// <summary>Configuration key of the database path (also settable with <c>--db</c> through the CLI).</summary>
    public const string DatabaseKey = "Parley:Database";

    /// <summary>
    /// A configured, not yet started app. It listens on <see cref="ParleyWebOptions.EffectiveUrls"/> (loopback only
    /// by default) and stores runs in <see cref="ParleyWebOptions.DatabasePath"/>.
    /// </summary>
    public static WebApplication Create(ParleyWebOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [] });
        if (options.DatabasePath is not null)
        {
            builder.Configuration[DatabaseKey] = options.DatabasePath;
        }

        builder.WebHost.UseUrls(options.EffectiveUrls);
        Configure(builder);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>Registers the services (also used by <c>Program</c>, which test factories intercept).</summary>
    internal static void Configure(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = WebLimits.MaxBodyBytes);
        builder.Services.Configure<FormOptions>(f =>
        {
            f.BufferBodyLengthLimit = WebLimits.MaxBodyBytes;
            f.MultipartBodyLengthLimit = WebLimits.MaxBodyBytes;
            f.ValueLengthLimit = WebLimits.MaxBodyBytes;
            f.ValueCountLimit = 20_000;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(sp => RunStore.Open(sp.GetRequiredService<IConfiguration>()[DatabaseKey]));
        builder.Services.AddSingleton<ScenarioCatalog>();
        builder.Services.AddSingleton<RunService>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
    }

    /// <summary>Adds the middleware and endpoints.</summary>
    internal static void Configure(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // Refuse oversized bodies before any endpoint reads them (the in-memory test server has no Kestrel limit).
            if (context.Request.ContentLength is > WebLimits.MaxBodyBytes)
            {
                throw new WebInputException(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body has {context.Request.ContentLength} bytes, over the limit of {WebLimits.MaxBodyBytes} bytes (2 MiB).");
            }

            // A page on another site must not make the browser post to this local app (CSRF): browsers mark such
            // requests with Sec-Fetch-Site: cross-site. Tools such as curl send no such header and pass.
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Request.Headers["Sec-Fetch-Site"] == "cross-site")
            {
                throw new WebInputException(StatusCodes.Status403Forbidden, "Cross-site request refused", "This app accepts changes only from its own pages or from non-browser clients.");
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next(context).ConfigureAwait(false);
        });
        app.MapOpenApi();
        ApiEndpoints.Map(app);
        PageEndpoints.Map(app);
    }
}
