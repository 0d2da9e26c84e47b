namespace Parley.Core.Scenarios.Validation;

/// <summary>
/// One semantic problem found by <see cref="ScenarioValidator"/>.
/// </summary>
/// <param name="Path">
/// Field path for people, with list items named by their id: <c>values[dprk/nuclear-end-state].salience.high</c>,
/// <c>variants[progressive-rok].deltas[2].value.mode</c>.
/// </param>
/// <param name="Pointer">
/// The same field by list index, JSON-Pointer style (<c>/values/0/salience/high</c>). Loaders map it to a line and
/// column in the source file; it is unambiguous even when ids are duplicated.
/// </param>
/// <param name="Message">What is wrong, quoting the bad value, and what is allowed.</param>
public sealed record ValidationProblem(string Path, string Pointer, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(Path) ? Message : $"{Path}: {Message}";
}

/// <summary>A field in a scenario, named two ways: a readable path and an index pointer. Immutable.</summary>
/// <param name="Path">Readable path (see <see cref="ValidationProblem.Path"/>).</param>
/// <param name="Pointer">Index pointer (see <see cref="ValidationProblem.Pointer"/>).</param>
public readonly record struct FieldRef(string Path, string Pointer)
{
    /// <summary>The scenario itself.</summary>
    public static FieldRef Root => new(string.Empty, string.Empty);

    /// <summary>A named member of this object.</summary>
    public FieldRef Key(string name) => new(Path.Length == 0 ? name : $"{Path}.{name}", $"{Pointer}/{name}");

    /// <summary>Item <paramref name="index"/> of this list, shown as <c>[label]</c> (the index when the label is empty).</summary>
    public FieldRef Item(int index, string? label) =>
        new($"{Path}[{(string.IsNullOrEmpty(label) ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : label)}]", $"{Pointer}/{index}");
}
