namespace Parley.Testing;

/// <summary>
/// Locates the project's reference material: <c>../shared</c> beside the repository root (as on developer
/// machines and CI), or the folder named by the <c>PARLEY_SHARED</c> environment variable.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding Parley.slnx).</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>The shared/ folder.</summary>
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PARLEY_SHARED");
            if (!string.IsNullOrEmpty(env))
            {
                return env;
            }

            return Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        }
    }

    /// <summary>A path under shared/.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A path under the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException($"Parley.slnx not found above {AppContext.BaseDirectory}.");
    }
}
