using Parley.Core.Models;
using Parley.Core.Scenarios;

namespace Parley.Core.Tests.Uncertainty;

/// <summary>
/// A stand-in model for the engine tests: the capability × salience weighted mean of the positions (the midpoint of
/// the scale when every weight is 0). Simple enough to derive expected values by hand.
/// </summary>
internal sealed class WeightedMeanModel : IIssueModel
{
    public string Id => "weighted-mean";

    public IssueForecast Run(IssueInput input) => new(Id, Solve(input), []);

    public IIssueSolver CreateSolver(int maxActors) => new Solver();

    public static double Solve(IssueInput input)
    {
        double num = 0, den = 0;
        for (var k = 0; k < input.Count; k++)
        {
            var w = input.Capabilities[k] * input.Saliences[k];
            num += w * input.Positions[k];
            den += w;
        }

        return den > 0 ? num / den : (input.ScaleLow + input.ScaleHigh) / 2;
    }

    private sealed class Solver : IIssueSolver
    {
        public double Solve(IssueInput input) => WeightedMeanModel.Solve(input);
    }
}

/// <summary>A model whose outcome is the first actor's position: lets tests see the sampled values directly.</summary>
internal sealed class FirstPositionModel : IIssueModel
{
    public string Id => "first-position";

    public IssueForecast Run(IssueInput input) => new(Id, input.Positions[0], []);

    public IIssueSolver CreateSolver(int maxActors) => new Solver();

    private sealed class Solver : IIssueSolver
    {
        public double Solve(IssueInput input) => input.Positions[0];
    }
}

/// <summary>Builds small scenarios for tests.</summary>
internal static class TestScenarios
{
    public static Issue Issue(string id, double low = 0, double high = 100) =>
        new(id, id.ToUpperInvariant(), null, low, high, true, [], null, null, Evidence.None);

    public static Actor Actor(string id) => new(id, $"Actor {id.ToUpperInvariant()}", null, Evidence.None);

    public static ActorIssueValue Value(string actor, string issue, Estimate position, Estimate salience, Estimate capability) =>
        new(actor, issue, position, salience, capability, Evidence.None);

    public static Scenario Build(IReadOnlyList<Issue> issues, IReadOnlyList<ActorIssueValue> values, IReadOnlyList<Variant>? variants = null)
    {
        var actors = values.Select(v => v.ActorId).Distinct().Select(Actor).ToList();
        return new Scenario("test", "Test", ScenarioMetadata.Empty, issues, actors, values, variants);
    }

    public static Estimate E(double low, double mode, double high) => new(low, mode, high);

    public static Estimate P(double value) => Estimate.Exactly(value);

    /// <summary>
    /// The 1994 EC emission-standards game with ranges (shared/data/emission-standards-widened.csv), on a 0–10 scale.
    /// </summary>
    public static Scenario EmissionStandardsWidened()
    {
        var lines = File.ReadAllLines(Parley.Testing.SharedData.File("data", "emission-standards-widened.csv"));
        var values = new List<ActorIssueValue>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            double D(int i) => double.Parse(f[i], System.Globalization.CultureInfo.InvariantCulture);
            values.Add(Value(f[0], "emissions", E(D(1), D(2), D(3)), E(D(4), D(5), D(6)), E(D(7), D(8), D(9))));
        }

        return Build([Issue("emissions", 0, 10)], values);
    }
}

/// <summary>Collects progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class RecordingProgress : IProgress<double>
{
    private readonly Lock _lock = new();
    private readonly List<double> _values = [];

    public IReadOnlyList<double> Values
    {
        get
        {
            lock (_lock)
            {
                return _values.ToList();
            }
        }
    }

    public void Report(double value)
    {
        lock (_lock)
        {
            _values.Add(value);
        }
    }
}
