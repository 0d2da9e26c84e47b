using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Parley.Web.BrowserTests;

/// <summary>
/// End to end in a real browser: the app on Kestrel at 127.0.0.1 (a free port), Debian's Chromium driven by
/// Playwright. Never downloads a browser: if /usr/bin/chromium is missing the test fails and says how to install it.
/// </summary>
public sealed class EditAndRunTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string JapanSalience = "japan|deal-scope|salience|";

    private readonly string _folder = Directory.CreateTempSubdirectory("parley-browser-tests-").FullName;
    private WebApplication? _app;
    private string _baseUrl = string.Empty;

    /// <summary>Screenshots land here, under the test output directory.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        _app = ParleyWeb.Create(new ParleyWebOptions { DatabasePath = Path.Combine(_folder, "runs.db"), Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        _baseUrl = _app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Leftover WAL handles must not fail the test; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task EditJapanSalience_ThenRun_ForecastChanges()
    {
        // Given the app and a headless Chromium
        Assert.True(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath}. Install it with 'apt-get update && apt-get install -y chromium' (see docs/web.md); this test never downloads a browser.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(ScreenshotFolder);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });

        // When the baseline Korea scenario is run from the list
        await page.GotoAsync(_baseUrl + "/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "1-scenarios.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Korean Peninsula dialogue, 2025" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Run a forecast" }).ClickAsync();
        var before = await RunAsync(page, "2-results-before.png");

        // and Japan's salience on deal-scope is edited down to almost nothing in the grid, then saved and run
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).First.ClickAsync();

        // (a value that is not a number is refused, with the message at its cell)
        await page.Locator($"input[name='{JapanSalience}mode']").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var invalidCell = page.Locator("#cell-japan-deal-scope");
        Assert.Contains("not a finite number", await invalidCell.InnerTextAsync(), StringComparison.Ordinal);
        await invalidCell.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "3a-invalid-cell.png") });

        await page.Locator($"input[name='{JapanSalience}low']").FillAsync("1");
        await page.Locator($"input[name='{JapanSalience}mode']").FillAsync("2");
        await page.Locator($"input[name='{JapanSalience}high']").FillAsync("3");
        await page.Locator("#cell-japan-deal-scope").ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "3-edited-cell.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and run" }).ClickAsync();
        await page.WaitForURLAsync("**/scenarios/korea-2025/run");
        var after = await RunAsync(page, "4-results-after.png");

        // Then the forecast on deal-scope has changed
        Assert.NotEqual(before, after);
        var history = await page.GotoAsync(_baseUrl + "/runs");
        Assert.True(history!.Ok);
        Assert.Equal(2, await page.Locator("main table tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "5-history.png"), FullPage = true });
    }

    /// <summary>Runs the forecast from the run form with the keyboard; returns the compromise forecast on deal-scope.</summary>
    private static async Task<double> RunAsync(IPage page, string screenshot)
    {
        await page.Locator("input[name=draws]").FillAsync("500");
        await page.Locator("#run").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/runs/*");
        var cell = page.Locator("tr[data-issue='deal-scope'][data-model='compromise'] td.det");
        var text = await cell.InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, screenshot), FullPage = true });
        return double.Parse(text, CultureInfo.InvariantCulture);
    }
}
