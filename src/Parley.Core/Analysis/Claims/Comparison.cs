using System.Globalization;
using System.Text.Json.Nodes;

namespace Parley.Core.Analysis.Claims;

/// <summary>A comparison from a prediction's check: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>==</c> or <c>between</c> [lo, hi].</summary>
public sealed record Comparison(string Op, double Value, double High)
{
    /// <summary>Reads <c>op</c> and <c>value</c> from a check object.</summary>
    /// <exception cref="FormatException">Unknown operator or missing value, with the offending text.</exception>
    public static Comparison From(JsonObject check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var op = check["op"]?.GetValue<string>() ?? throw new FormatException("check has no 'op'.");
        var value = check["value"];
        if (op == "between")
        {
            if (value is JsonArray { Count: 2 } pair)
            {
                return new Comparison(op, pair[0]!.GetValue<double>(), pair[1]!.GetValue<double>());
            }

            throw new FormatException("'between' needs value: [low, high].");
        }

        if (op is not ("<" or "<=" or ">" or ">=" or "==" or "="))
        {
            throw new FormatException($"Unknown comparison '{op}': use <, <=, >, >=, == or between.");
        }

        return new Comparison(op, value?.GetValue<double>() ?? throw new FormatException($"'{op}' needs a value."), double.NaN);
    }

    /// <summary>True when <paramref name="x"/> satisfies the comparison.</summary>
    public bool Test(double x) => Op switch
    {
        "<" => x < Value,
        "<=" => x <= Value,
        ">" => x > Value,
        ">=" => x >= Value,
        "==" or "=" => x == Value,
        "between" => x >= Value && x <= High,
        _ => false,
    };

    /// <inheritdoc/>
    public override string ToString() => Op == "between"
        ? string.Create(CultureInfo.InvariantCulture, $"in [{Value:0.##}, {High:0.##}]")
        : string.Create(CultureInfo.InvariantCulture, $"{Op} {Value:0.##}");
}
