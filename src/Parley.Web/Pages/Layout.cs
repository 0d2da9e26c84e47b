using System.Globalization;
using System.Net;

namespace Parley.Web.Pages;

/// <summary>The page frame and small HTML helpers. Everything interpolated into HTML goes through <see cref="E(string?)"/>.</summary>
internal static class Layout
{
    /// <summary>HTML-encodes text for element content and quoted attributes.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number for display: up to <paramref name="decimals"/> decimals, invariant culture.</summary>
    public static string N(double value, int decimals = 1) =>
        double.IsFinite(value) ? Math.Round(value, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) : "–";

    /// <summary>A number for an input's value: shortest round-trip form.</summary>
    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A whole page with the site navigation around <paramref name="body"/> (already HTML).</summary>
    public static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · Parley</title>
        <link rel="stylesheet" href="/assets/app.css">
        <script src="/assets/app.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header><nav aria-label="Site"><a class="brand" href="/">Parley</a> <a href="/">Scenarios</a> <a href="/runs">Run history</a> <a href="/openapi/v1.json">API (OpenAPI)</a></nav></header>
        <main id="main">
        {{body}}
        </main>
        </body>
        </html>
        """;
}
