using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Parley.Core.Models.Smp;
using Parley.Core.Scenarios;

namespace Parley.Formats.Ktab;

/// <summary>
/// Reads KTAB's SMP XML scenario files (<c>smpSchema.xsd</c> layout): <c>name</c>, <c>desc</c>, optional <c>prngSeed</c>
/// and <c>ModelParameters</c> (the nine switches), <c>Dimensions/dName</c>, <c>Actors/Actor</c> (name, description,
/// capability, <c>Position/dCoord</c>, <c>Salience/dSal</c>) and optional <c>IdealAdjustment/iaPair</c>.
/// </summary>
/// <remarks>
/// A missing or empty number (such as the empty <c>&lt;dCoord&gt;</c> in KTAB's own <c>smpExample.xml</c>) is an error, as
/// in KTAB, which rejects that file: the reader reports every such problem with its line and column instead of guessing a
/// value. The ideal-accommodation matrix starts as the identity (ideals follow positions), and each
/// <c>IdealAdjustment/iaPair</c> overwrites one entry, as in KTAB's reader.
/// </remarks>
public static class KtabXmlReader
{
    /// <summary>True when <paramref name="text"/> is XML whose root element is <c>Scenario</c> with <c>Actors</c> and <c>Dimensions</c> children.</summary>
    public static bool CanRead(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!t.StartsWith('<'))
        {
            return false;
        }

        try
        {
            var root = XDocument.Parse(t).Root;
            return root is not null && root.Name.LocalName == "Scenario" && root.Element("Actors") is not null && root.Element("Dimensions") is not null;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>Reads a file.</summary>
    /// <exception cref="ScenarioLoadException">The file is malformed; every problem is listed.</exception>
    public static KtabDocument Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses XML text; <paramref name="fileName"/> is used in messages only.</summary>
    /// <exception cref="ScenarioLoadException">The text is malformed; every problem is listed.</exception>
    public static KtabDocument Parse(string text, string fileName = "<input>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<ScenarioProblem>();
        XDocument doc;
        try
        {
            doc = XDocument.Parse(text.TrimStart('\uFEFF'), LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new ScenarioLoadException([new ScenarioProblem(new SourceLocation(fileName, ex.LineNumber, ex.LinePosition), string.Empty, $"Not well-formed XML: {ex.Message}")]);
        }

        void Problem(XObject? at, string field, string message)
        {
            var li = at as IXmlLineInfo;
            problems.Add(new ScenarioProblem(new SourceLocation(fileName, li?.LineNumber ?? 0, li?.LinePosition ?? 0), field, message));
        }

        var root = doc.Root!;
        if (root.Name.LocalName != "Scenario")
        {
            Problem(root, string.Empty, $"The root element is <{root.Name.LocalName}>; a KTAB SMP file has <Scenario>.");
            throw new ScenarioLoadException(problems);
        }

        var name = root.Element("name")?.Value ?? string.Empty;
        var desc = root.Element("desc")?.Value ?? string.Empty;
        var options = SmpOptions.Default;
        var seedEl = root.Element("prngSeed");
        if (seedEl is not null)
        {
            if (ulong.TryParse(seedEl.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            {
                options = options with { Seed = seed };
            }
            else
            {
                Problem(seedEl, "prngSeed", $"The seed '{seedEl.Value.Trim()}' is not a whole number in 0–{ulong.MaxValue}.");
            }
        }

        var mp = root.Element("ModelParameters");
        if (mp is not null)
        {
            options = ReadParameters(mp, options, Problem);
        }

        var dimsEl = root.Element("Dimensions");
        var dims = dimsEl?.Elements("dName").Select(e => e.Value).ToArray() ?? [];
        if (dims.Length == 0)
        {
            Problem(dimsEl ?? (XObject)root, "Dimensions", "No <dName> found; at least one dimension is required.");
        }

        var actorsEl = root.Element("Actors");
        var actorEls = actorsEl?.Elements("Actor").ToList() ?? [];
        if (actorEls.Count < KtabCsvReader.MinActors || actorEls.Count > KtabCsvReader.MaxActors)
        {
            Problem(actorsEl ?? (XObject)root, "Actors", $"Found {actorEls.Count} <Actor> elements; KTAB allows {KtabCsvReader.MinActors}–{KtabCsvReader.MaxActors}.");
        }

        var actors = new List<KtabActor>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < actorEls.Count; i++)
        {
            var a = actorEls[i];
            var an = a.Element("name")?.Value ?? string.Empty;
            var field = $"actors[{(an.Trim().Length > 0 ? an.Trim() : i.ToString(CultureInfo.InvariantCulture))}]";
            if (an.Trim().Length == 0)
            {
                Problem(a, field + ".name", "The actor has no <name>.");
            }
            else if (an.Length > KtabCsvReader.MaxNameLength)
            {
                Problem(a.Element("name"), field + ".name", $"Actor name '{an}' has {an.Length} characters; KTAB allows at most {KtabCsvReader.MaxNameLength}.");
            }
            else if (!names.TryAdd(an.Trim(), i))
            {
                Problem(a.Element("name"), field + ".name", $"Actor name '{an.Trim()}' occurs twice; names must be distinct.");
            }

            var cap = Number(a.Element("capability"), a, field + ".capability", "<capability>", 0, KtabCsvReader.MaxCapability, Problem);
            var coords = a.Element("Position")?.Elements("dCoord").ToList() ?? [];
            var sals = a.Element("Salience")?.Elements("dSal").ToList() ?? [];
            var ok = cap is not null;
            if (coords.Count != dims.Length || sals.Count != dims.Length)
            {
                Problem(a, field, $"Has {coords.Count} <dCoord> and {sals.Count} <dSal>; each must have one per dimension ({dims.Length}).");
                ok = false;
            }

            var pos = new double[dims.Length];
            var sal = new double[dims.Length];
            double salSum = 0;
            for (var k = 0; k < Math.Min(dims.Length, Math.Min(coords.Count, sals.Count)); k++)
            {
                var dn = dims[k].Trim();
                var p = Number(coords[k], a, $"{field}.position[{dn}]", "<dCoord>", 0, 100, Problem);
                var s = Number(sals[k], a, $"{field}.salience[{dn}]", "<dSal>", 0, 100, Problem);
                ok &= p is not null && s is not null;
                pos[k] = p ?? 0;
                sal[k] = s ?? 0;
                salSum += s ?? 0;
            }

            if (salSum > 100 + 1e-9)
            {
                Problem(a.Element("Salience"), field + ".salience", $"Saliences sum to {salSum.ToString("0.####", CultureInfo.InvariantCulture)}; KTAB requires at most 100.");
                ok = false;
            }

            if (ok)
            {
                actors.Add(new KtabActor(an, a.Element("description")?.Value ?? string.Empty, cap!.Value, pos, sal));
            }
        }

        double[,]? acc = null;
        var ia = root.Element("IdealAdjustment");
        if (ia is not null)
        {
            // KTAB starts from the identity and overwrites the listed pairs.
            acc = new double[actorEls.Count, actorEls.Count];
            for (var i = 0; i < actorEls.Count; i++)
            {
                acc[i, i] = 1;
            }

            foreach (var pair in ia.Elements("iaPair"))
            {
                var adj = pair.Element("adjustingIdeal")?.Value.Trim() ?? string.Empty;
                var refName = pair.Element("referencePos")?.Value.Trim() ?? string.Empty;
                var v = Number(pair.Element("adjust"), pair, $"IdealAdjustment[{adj}/{refName}]", "<adjust>", double.MinValue, double.MaxValue, Problem);
                if (!names.TryGetValue(adj, out var ai))
                {
                    Problem(pair, "IdealAdjustment.adjustingIdeal", $"Unknown actor '{adj}'; known: {string.Join(", ", names.Keys)}.");
                }
                else if (!names.TryGetValue(refName, out var ri))
                {
                    Problem(pair, "IdealAdjustment.referencePos", $"Unknown actor '{refName}'; known: {string.Join(", ", names.Keys)}.");
                }
                else if (v is not null)
                {
                    acc[ai, ri] = v.Value;
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ScenarioLoadException(problems);
        }

        return new KtabDocument(name, desc, dims, actors, options, acc);
    }

    /// <summary>Parses and maps to a Parley scenario (<see cref="KtabDocument.ToScenario"/>).</summary>
    public static Scenario ReadScenario(string text, string fileName = "<input>") => Parse(text, fileName).ToScenario();

    /// <summary>Parses and maps to an SMP input (<see cref="KtabDocument.ToSmpInput"/>).</summary>
    public static SmpInput ReadSmpInput(string text, string fileName = "<input>") => Parse(text, fileName).ToSmpInput();

    private static double? Number(XElement? el, XElement parent, string field, string tag, double min, double max, Action<XObject?, string, string> problem)
    {
        if (el is null)
        {
            problem(parent, field, $"{tag} is missing; a number is required.");
            return null;
        }

        var s = el.Value.Trim();
        if (s.Length == 0)
        {
            problem(el, field, $"{tag} is empty; a number in [{Fmt(min)}, {Fmt(max)}] is required (KTAB rejects the file too).");
            return null;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            problem(el, field, $"{tag} '{s}' is not a number; allowed: [{Fmt(min)}, {Fmt(max)}].");
            return null;
        }

        if (v < min || v > max)
        {
            problem(el, field, $"{tag} {s} is out of range; allowed: [{Fmt(min)}, {Fmt(max)}].");
            return null;
        }

        return v;
    }

    private static string Fmt(double v) => v <= double.MinValue ? "-∞" : (v >= double.MaxValue ? "∞" : v.ToString(CultureInfo.InvariantCulture));

    private static SmpOptions ReadParameters(XElement mp, SmpOptions o, Action<XObject?, string, string> problem)
    {
        T Pick<T>(string tag, T current, params (string Alias, T Value)[] aliases)
            where T : struct, Enum
        {
            var el = mp.Element(tag);
            if (el is null)
            {
                return current;
            }

            var s = el.Value.Trim();
            foreach (var (alias, value) in aliases)
            {
                if (string.Equals(alias, s, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            if (Enum.TryParse<T>(s, true, out var v) && Enum.IsDefined(v) && !int.TryParse(s, out _))
            {
                return v;
            }

            problem(el, "ModelParameters." + tag, $"'{s}' is not a {tag}; allowed: {string.Join(", ", Enum.GetNames<T>())}.");
            return current;
        }

        return o with
        {
            VictoryProbModel = Pick("VictoryProbModel", o.VictoryProbModel),
            PceModel = Pick("PCEModel", o.PceModel, ("ConditionalPCM", PceModel.Conditional), ("MarkovIPCM", PceModel.MarkovIncentive), ("MarkovUPCM", PceModel.MarkovUniform)),
            StateTransitions = Pick("StateTransitions", o.StateTransitions, ("DeterminsticSTM", StateTransitions.Deterministic), ("StochasticSTM", StateTransitions.Stochastic)),
            VotingRule = Pick("VotingRule", o.VotingRule, ("Proportional", SmpVotingRule.Prop)),
            BigRAdjust = Pick("BigRAdjust", o.BigRAdjust, ("NoRA", BigRAdjust.None), ("OneThirdRA", BigRAdjust.OneThird), ("HalfRA", BigRAdjust.Half), ("TwoThirdsRA", BigRAdjust.TwoThirds), ("FullRA", BigRAdjust.Full)),
            BigRRange = Pick("BigRRange", o.BigRRange),
            ThirdPartyCommit = Pick("ThirdPartyCommit", o.ThirdPartyCommit),
            InterVecBargain = Pick("InterVecBrgn", o.InterVecBargain),
            BargainModel = Pick("BargnModel", o.BargainModel, ("InitOnlyInterpSMPBM", BargainModel.InitOnlyInterp), ("InitRcvrInterpSMPBM", BargainModel.InitRcvrInterp), ("PWCompInterpSMPBM", BargainModel.PWCompInterp)),
        };
    }
}
