using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Parley.Storage;

namespace Parley.Web.Tests;

/// <summary>
/// The app on the in-memory test server with its own temporary run store; one per test class (xunit class fixture),
/// deleted afterwards.
/// </summary>
public sealed class ParleyWebFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-web-tests-").FullName;

    /// <summary>The temporary database file.</summary>
    public string DatabasePath => Path.Combine(_folder, "runs.db");

    /// <summary>A store on the same file, for checking what the app stored.</summary>
    public RunStore OpenStore() => RunStore.Open(DatabasePath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ParleyWeb.DatabaseKey, DatabasePath);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_ => RunStore.Open(DatabasePath));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A lingering handle on the WAL files must not fail the run; the OS temp cleaner takes it.
            }
        }
    }
}
