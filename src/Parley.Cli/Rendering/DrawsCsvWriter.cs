using System.Globalization;
using System.Text;
using Parley.Core.Uncertainty;

namespace Parley.Cli.Rendering;

/// <summary>Writes every Monte Carlo draw as long-format CSV: <c>draw,issue,model,outcome</c>.</summary>
internal static class DrawsCsvWriter
{
    public static void Write(string path, MonteCarloForecast mc)
    {
        ArgumentNullException.ThrowIfNull(mc);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine("draw,issue,model,outcome");
        foreach (var o in mc.Outcomes)
        {
            var draws = o.Distribution.Draws;
            for (var d = 0; d < draws.Length; d++)
            {
                writer.Write(d.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(o.IssueId);
                writer.Write(',');
                writer.Write(o.ModelId);
                writer.Write(',');
                writer.WriteLine(draws[d].ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }
}
