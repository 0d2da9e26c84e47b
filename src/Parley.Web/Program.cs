using Parley.Web;

// Standalone entry point (`dotnet run --project src/Parley.Web`); `parley serve` uses ParleyWeb.Create instead.
// Settings: --urls, --Parley:Database=PATH. Test factories intercept the host built here.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(new ParleyWebOptions().EffectiveUrls);
}

ParleyWeb.Configure(builder);
var app = builder.Build();
ParleyWeb.Configure(app);
app.Run();

/// <summary>The entry point type, public so that <c>WebApplicationFactory&lt;Program&gt;</c> can find the app.</summary>
public partial class Program;
