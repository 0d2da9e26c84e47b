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
                return new Comparison(op, Number(pair[0]), Number(pair[1]));
            }

            throw new FormatException("'between' needs value: [low, high].");
        }

        if (op is not ("<" or "<=" or ">" or ">=" or "==" or "="))
        {
            throw new FormatException($"Unknown comparison '{op}': use <, <=, >, >=, == or between.");
        }

        return new Comparison(op, value is null ? throw new FormatException($"'{op}' needs a value.") : Number(value), double.NaN);
    }

    /// <summary>
    /// A JSON number as a double, whatever .NET type backs it: nodes built in code hold an int or a long, nodes parsed
    /// from text a JsonElement.
    /// </summary>
    /// <exception cref="FormatException">The node is not a number.</exception>
    public static double Number(JsonNode? node)
    {
        if (node is JsonValue v)
        {
            if (v.TryGetValue<double>(out var d))
            {
                return d;
            }

            if (v.TryGetValue<long>(out var l))
            {
                return l;
            }

            if (v.TryGetValue<int>(out var i))
            {
                return i;
            }

            if (v.TryGetValue<decimal>(out var m))
            {
                return (double)m;
            }
        }

        throw new FormatException($"Expected a number, got {node?.ToJsonString() ?? "nothing"}.");
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
