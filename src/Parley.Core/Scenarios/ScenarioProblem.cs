namespace Parley.Core.Scenarios;

/// <summary>Where in a source file something is (1-based line and column).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>
/// One thing wrong with a scenario: where, which field (e.g. <c>values[dprk/nuclear-end-state].salience.high</c>),
/// the bad value and what is allowed.
/// </summary>
public sealed record ScenarioProblem(SourceLocation Location, string FieldPath, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(FieldPath)
        ? $"{Location}: {Message}"
        : $"{Location}: {FieldPath}: {Message}";
}

/// <summary>Thrown when a scenario cannot be loaded; carries every problem found, not only the first.</summary>
public sealed class ScenarioLoadException : Exception
{
    public ScenarioLoadException(IReadOnlyList<ScenarioProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    public ScenarioLoadException()
        : this([])
    {
    }

    public ScenarioLoadException(string message)
        : base(message)
    {
        Problems = [new ScenarioProblem(new SourceLocation("<input>", 0, 0), string.Empty, message)];
    }

    public ScenarioLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new ScenarioProblem(new SourceLocation("<input>", 0, 0), string.Empty, message)];
    }

    /// <summary>All problems, in file order.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; } = [];

    private static string Format(IReadOnlyList<ScenarioProblem> problems) =>
        problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}";
}
