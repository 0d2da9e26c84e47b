using System.Globalization;
using Parley.Core.Models.Smp;
using Parley.Testing;

namespace Parley.Core.Tests.Smp;

/// <summary>
/// Reads the KTAB example inputs and the reference outputs of the real KTAB build (shared/data/ktab). Core tests
/// cannot use Parley.Formats, so this is a deliberately small reader of the well-formed example files only.
/// </summary>
internal static class KtabReference
{
    public static IEnumerable<object[]> CsvNames() =>
        Directory.GetFiles(SharedData.File("data", "ktab", "inputs"), "*.csv")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .Select(n => new object[] { n });

    public static SmpInput LoadInput(string name)
    {
        var lines = File.ReadAllLines(SharedData.File("data", "ktab", "inputs", name + ".csv"));
        var head = Split(lines[0]);
        var n = int.Parse(head[2].Trim(), CultureInfo.InvariantCulture);
        var d = int.Parse(head[3].Trim(), CultureInfo.InvariantCulture);
        var header = Split(lines[1]);
        var dims = Enumerable.Range(0, d).Select(k => header[3 + (2 * k)]).ToArray();
        var ids = new string[n];
        var caps = new double[n];
        var pos = new double[n, d];
        var sal = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            var c = Split(lines[2 + i]);
            ids[i] = c[0];
            caps[i] = Num(c[2]);
            for (var k = 0; k < d; k++)
            {
                pos[i, k] = Num(c[3 + (2 * k)]);
                sal[i, k] = Num(c[4 + (2 * k)]);
            }
        }

        return SmpInput.Create(ids, dims, caps, pos, sal, name: name);
    }

    /// <summary>[turn][actor, dim] positions on 0–100.</summary>
    public static List<double[,]> Positions(string name, int actors, int dims)
    {
        var turns = new List<double[,]>();
        foreach (var row in Rows(name + ".positions.csv"))
        {
            var t = int.Parse(row[0], CultureInfo.InvariantCulture);
            while (turns.Count <= t)
            {
                turns.Add(new double[actors, dims]);
            }

            turns[t][int.Parse(row[1], CultureInfo.InvariantCulture), int.Parse(row[3], CultureInfo.InvariantCulture)] = Num(row[5]);
        }

        return turns;
    }

    /// <summary>(turn, actor, probability) triples.</summary>
    public static IEnumerable<(int Turn, int Actor, double P)> WinProbabilities(string name) =>
        Rows(name + ".winprob.csv").Select(r => (int.Parse(r[0], CultureInfo.InvariantCulture), int.Parse(r[1], CultureInfo.InvariantCulture), Num(r[3])));

    /// <summary>(step, ratio) pairs.</summary>
    public static IEnumerable<(int Step, double Ratio)> Convergence(string name) =>
        Rows(name + ".convergence.csv").Select(r => (int.Parse(r[0], CultureInfo.InvariantCulture), Num(r[1])));

    /// <summary>Final positions per actor: [actor][dim].</summary>
    public static List<double[]> Final(string name) =>
        Rows(name + ".final.csv").Select(r => r.Skip(2).Select(Num).ToArray()).ToList();

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadAllLines(SharedData.File("data", "ktab", "reference", file)).Skip(1).Where(l => l.Length > 0).Select(Split);

    private static double Num(string s) => double.Parse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cur = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line.TrimEnd('\r'))
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cur.ToString());
                cur.Clear();
            }
            else
            {
                cur.Append(ch);
            }
        }

        cells.Add(cur.ToString());
        return [.. cells];
    }
}
