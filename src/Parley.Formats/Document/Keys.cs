namespace Parley.Formats.Document;

/// <summary>
/// The keys each object of the scenario format accepts. One list drives the reader's unknown-key check, the
/// writer and the schema test, so that the three cannot drift apart.
/// </summary>
internal static class Keys
{
    public static readonly string[] Root = ["id", "name", "schemaVersion", "metadata", "source", "conventions", "issues", "actors", "notModelled", "values", "variants", "predictions", "recommendations"];
    public static readonly string[] Metadata = ["title", "source", "date", "authors", "references", "quoteConvention", "conventions", "notes"];

    /// <summary>The top-level <c>source</c> block of the Korea JSON (an alternative to <c>metadata</c>).</summary>
    public static readonly string[] SourceBlock = ["title", "reference", "date", "authors", "quoteConvention"];
    public static readonly string[] Issue = ["id", "name", "description", "scale", "anchors", "statusQuo", "statusQuoNote", "evidence"];
    public static readonly string[] Anchor = ["value", "label"];
    public static readonly string[] Evidence = ["source", "quotes", "note"];
    public static readonly string[] Actor = ["id", "name", "description", "evidence"];
    public static readonly string[] NotModelled = ["name", "reason"];
    public static readonly string[] Value = ["actor", "issue", "position", "salience", "capability", "evidence"];
    public static readonly string[] Estimate = ["low", "mode", "high"];
    public static readonly string[] Variant = ["id", "name", "description", "evidence", "deltas"];
    public static readonly string[] SetDelta = ["op", "actor", "issue", "field", "value"];
    public static readonly string[] RenameDelta = ["op", "actor", "name"];
    public static readonly string[] AddDelta = ["op", "actor", "values"];
    public static readonly string[] RemoveDelta = ["op", "actor"];
    public static readonly string[] Prediction = ["id", "statement", "quotes", "check", "note"];
    public static readonly string[] Recommendation = ["id", "number", "by", "target", "text", "quotes", "evaluateIn", "moves", "expectedEffect"];
    public static readonly string[] Ops = ["set", "rename-actor", "add-actor", "remove-actor"];
    public static readonly string[] Fields = ["position", "salience", "capability"];

    /// <summary>Every key above, for the schema test.</summary>
    public static IEnumerable<string> All =>
        Root.Concat(Metadata).Concat(SourceBlock).Concat(Issue).Concat(Anchor).Concat(Evidence).Concat(Actor).Concat(NotModelled)
            .Concat(Value).Concat(Estimate).Concat(Variant).Concat(SetDelta).Concat(RenameDelta).Concat(AddDelta).Concat(RemoveDelta)
            .Concat(Prediction).Concat(Recommendation).Distinct();
}
