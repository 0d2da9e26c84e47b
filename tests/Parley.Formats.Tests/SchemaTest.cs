using System.Text.Json;
using Parley.Formats.Document;
using Parley.Formats.Syntax;

namespace Parley.Formats.Tests;

public class SchemaTest
{
    private static readonly JsonDocument Schema = JsonDocument.Parse(File.ReadAllText(Paths.Schema));

    [Fact]
    public void Schema_IsDraft202012JsonWithResolvableRefs()
    {
        var root = Schema.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        var defs = root.GetProperty("$defs");
        foreach (var r in Refs(root))
        {
            Assert.StartsWith("#/$defs/", r, StringComparison.Ordinal);
            Assert.True(defs.TryGetProperty(r["#/$defs/".Length..], out _), $"unresolved $ref {r}");
        }
    }

    [Fact]
    public void Schema_PropertyNames_EqualTheKeysTheLoaderAccepts()
    {
        // Given every name under "properties" anywhere in the schema
        var schemaNames = PropertyNames(Schema.RootElement).ToHashSet(StringComparer.Ordinal);

        // Then the loader accepts exactly those keys
        Assert.Equal(Keys.All.Order(StringComparer.Ordinal), schemaNames.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("korea-2025.yaml")]
    [InlineData("emission-standards-1994.yaml")]
    public void ShippedYaml_KeysAllAppearInSchema_AndFileNamesTheSchema(string file)
    {
        // Given a shipped scenario's keys (free-form maps left out: conventions, anchors, a prediction's check)
        var path = Path.Combine(Path.GetDirectoryName(Paths.KoreaYaml)!, file);
        var text = File.ReadAllText(path);
        var root = YamlNodeParser.Parse(text, [])!;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        CollectKeys(root, keys);

        // Then each appears in the schema
        var schemaNames = PropertyNames(Schema.RootElement).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(keys, k => !schemaNames.Contains(k));
        Assert.StartsWith("# yaml-language-server: $schema=../schema/scenario.schema.json\n", text, StringComparison.Ordinal);
    }

    private static void CollectKeys(Node node, HashSet<string> keys)
    {
        switch (node)
        {
            case MapNode map:
                foreach (var (key, value) in map.Entries)
                {
                    keys.Add(key.Text);
                    if (key.Text is not ("conventions" or "anchors" or "check"))
                    {
                        CollectKeys(value, keys);
                    }
                }

                break;
            case SeqNode seq:
                foreach (var item in seq.Items)
                {
                    CollectKeys(item, keys);
                }

                break;
        }
    }

    private static IEnumerable<string> PropertyNames(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "properties" && p.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var name in p.Value.EnumerateObject())
                    {
                        yield return name.Name;
                    }
                }

                foreach (var inner in PropertyNames(p.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                foreach (var inner in PropertyNames(item))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<string> Refs(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "$ref")
                {
                    yield return p.Value.GetString()!;
                }

                foreach (var r in Refs(p.Value))
                {
                    yield return r;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in e.EnumerateArray().SelectMany(Refs))
            {
                yield return r;
            }
        }
    }
}
