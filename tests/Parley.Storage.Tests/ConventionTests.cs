using System.Reflection;

namespace Parley.Storage.Tests;

public sealed class ConventionTests
{
    private static readonly Assembly Storage = typeof(RunStore).Assembly;

    [Fact]
    public void PublicDataTypes_HaveNoPublicSetters()
    {
        // init accessors carry the IsExternalInit modifier; anything else settable would make a record mutable.
        var settable = Storage.GetExportedTypes()
            .Where(t => !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.Empty(settable);
    }

    [Fact]
    public void StorageAssembly_ReferencesCoreAndSqliteOnly()
    {
        var parleyOrData = Storage.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Parley", StringComparison.Ordinal) || n.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || n.Contains("SQLite", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Subset(new HashSet<string>(["Parley.Core", "Microsoft.Data.Sqlite", "SQLitePCLRaw.core"]), parleyOrData.ToHashSet());
    }

    [Fact]
    public void CoreAssembly_DoesNotReferenceStorage()
    {
        var core = typeof(Parley.Core.Scenarios.Scenario).Assembly;

        Assert.DoesNotContain(core.GetReferencedAssemblies(), a => a.Name == Storage.GetName().Name);
    }
}
