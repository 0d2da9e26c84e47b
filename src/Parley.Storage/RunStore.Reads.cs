using Microsoft.Data.Sqlite;
using Parley.Storage.Schema;
using Parley.Storage.Sqlite;

namespace Parley.Storage;

public sealed partial class RunStore
{
    /// <summary>The most runs one <see cref="ListRuns"/> call returns.</summary>
    public const int MaxListLimit = 10_000;

    /// <summary>Runs matching <paramref name="filter"/>, newest start first (ties: latest stored first).</summary>
    public IReadOnlyList<RunSummary> ListRuns(RunFilter? filter = null)
    {
        filter ??= new RunFilter();
        if (filter.Limit is < 1 or > MaxListLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), filter.Limit, $"Limit should be in range [1-{MaxListLimit}]; got {filter.Limit}.");
        }

        if (filter.Offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), filter.Offset, $"Offset must not be negative; got {filter.Offset}.");
        }

        return Use(connection =>
        {
            using var select = Sql.Command(connection, null, $"""
                SELECT r.id, r.scenario_hash, s.scenario_id, s.name, r.variant, r.models, r.seed, r.draws, r.status,
                       r.started_at, r.ended_at, r.results_sha256
                FROM runs r JOIN scenarios s ON s.hash = r.scenario_hash
                {Where}
                ORDER BY r.started_at DESC, r.rowid DESC
                LIMIT $limit OFFSET $offset
                """);
            BindFilter(select, filter);
            select.Parameters.AddWithValue("$limit", filter.Limit);
            select.Parameters.AddWithValue("$offset", filter.Offset);
            var runs = new List<RunSummary>();
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                runs.Add(new RunSummary(
                    Id: r.GetString(0),
                    ScenarioHash: r.GetString(1),
                    ScenarioId: r.GetString(2),
                    ScenarioName: r.GetString(3),
                    Variant: r.IsDBNull(4) ? null : r.GetString(4),
                    Models: JsonText.DecodeModels(r.GetString(5)),
                    Seed: r.IsDBNull(6) ? null : r.GetInt64(6),
                    Draws: r.IsDBNull(7) ? null : r.GetInt32(7),
                    Status: RunRows.ParseStatus(r.GetString(8)),
                    StartedAt: Timestamps.Parse(r.GetString(9)),
                    EndedAt: r.IsDBNull(10) ? null : Timestamps.Parse(r.GetString(10)),
                    ResultsSha256: r.IsDBNull(11) ? null : r.GetString(11)));
            }

            return runs;
        });
    }

    /// <summary>How many runs match <paramref name="filter"/> (its limit and offset are ignored).</summary>
    public int CountRuns(RunFilter? filter = null)
    {
        filter ??= new RunFilter();
        return Use(connection =>
        {
            using var count = Sql.Command(connection, null,
                $"SELECT count(*) FROM runs r JOIN scenarios s ON s.hash = r.scenario_hash {Where}");
            BindFilter(count, filter);
            return checked((int)(long)count.ExecuteScalar()!);
        });
    }

    /// <summary>
    /// The run whose id is <paramref name="idOrPrefix"/>, or else the one run whose id starts with it
    /// (case-insensitive, surrounding spaces ignored).
    /// </summary>
    /// <exception cref="RunNotFoundException">No run id is or starts with it (the message quotes it).</exception>
    /// <exception cref="AmbiguousRunIdException">Several run ids start with it (the message lists some).</exception>
    public RunRecord GetRun(string idOrPrefix) =>
        Use(connection => RunRows.FindById(connection, null, Resolve(connection, idOrPrefix))!);

    /// <summary>The full id of the run that <paramref name="idOrPrefix"/> names; same rules as <see cref="GetRun"/>.</summary>
    public string ResolveRunId(string idOrPrefix) => Use(connection => Resolve(connection, idOrPrefix));

    /// <summary>The scenario version stored under <paramref name="hash"/>.</summary>
    /// <exception cref="RunNotFoundException">No scenario version has this hash.</exception>
    public ScenarioRecord GetScenario(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return Use(connection => FindScenario(connection, hash)
            ?? throw new RunNotFoundException(hash, $"No scenario version with hash '{hash}' is stored."));
    }

    /// <summary>The canonical text of the scenario version stored under <paramref name="hash"/>, exactly as saved.</summary>
    /// <exception cref="RunNotFoundException">No scenario version has this hash.</exception>
    public string GetScenarioText(string hash) => GetScenario(hash).Text;

    /// <summary>
    /// The ids of every stored scenario (saved or run, any number of versions), in ordinal order: what a list of
    /// "scenarios in this store" shows, including those saved but never run.
    /// </summary>
    public IReadOnlyList<string> ListScenarioIds() => Use(connection =>
    {
        using var select = Sql.Command(connection, null, "SELECT DISTINCT scenario_id FROM scenarios");
        using var reader = select.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        // Sorted here rather than by SQLite, whose default collation is not .NET's ordinal order for every text.
        ids.Sort(StringComparer.Ordinal);
        return ids;
    });

    /// <summary>All stored versions of scenario <paramref name="scenarioId"/>, oldest first.</summary>
    public IReadOnlyList<ScenarioRecord> ListScenarioVersions(string scenarioId)
    {
        ArgumentNullException.ThrowIfNull(scenarioId);
        return Use(connection =>
        {
            using var select = Sql.Command(connection, null,
                $"SELECT {RunRows.ScenarioColumns} FROM scenarios WHERE scenario_id = $id ORDER BY first_seen, rowid");
            select.Parameters.AddWithValue("$id", scenarioId);
            using var reader = select.ExecuteReader();
            var versions = new List<ScenarioRecord>();
            while (reader.Read())
            {
                versions.Add(RunRows.ReadScenario(reader));
            }

            return versions;
        });
    }

    private const string Where = """
        WHERE ($scenarioId IS NULL OR s.scenario_id = $scenarioId)
          AND ($scenarioHash IS NULL OR r.scenario_hash = $scenarioHash)
          AND ($status IS NULL OR r.status = $status)
        """;

    private static void BindFilter(SqliteCommand command, RunFilter filter)
    {
        command.Parameters.AddWithValue("$scenarioId", (object?)filter.ScenarioId ?? DBNull.Value);
        command.Parameters.AddWithValue("$scenarioHash", (object?)filter.ScenarioHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", filter.Status is { } s ? RunRows.StatusText(s) : DBNull.Value);
    }

    private static ScenarioRecord? FindScenario(SqliteConnection connection, string hash)
    {
        using var select = Sql.Command(connection, null, $"SELECT {RunRows.ScenarioColumns} FROM scenarios WHERE hash = $hash");
        select.Parameters.AddWithValue("$hash", hash);
        using var reader = select.ExecuteReader();
        return reader.Read() ? RunRows.ReadScenario(reader) : null;
    }

    private static string Resolve(SqliteConnection connection, string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        var prefix = idOrPrefix.Trim().ToLowerInvariant();
        if (!RunIds.IsValid(prefix))
        {
            throw new RunNotFoundException(idOrPrefix,
                $"'{idOrPrefix}' is not a run id: ids are 1 to {RunIds.MaxLength} characters from 0-9, a-z, '-' and '_'.");
        }

        using (var exact = Sql.Command(connection, null, "SELECT id FROM runs WHERE id = $id"))
        {
            exact.Parameters.AddWithValue("$id", prefix);
            if (exact.ExecuteScalar() is string id)
            {
                return id;
            }
        }

        // GLOB is case-sensitive and uses the primary-key index for a constant prefix; the prefix holds no GLOB
        // metacharacters because RunIds.IsValid allowed only 0-9 a-z - _.
        using var matches = Sql.Command(connection, null, "SELECT id FROM runs WHERE id GLOB $pattern ORDER BY id LIMIT $limit");
        matches.Parameters.AddWithValue("$pattern", prefix + "*");
        matches.Parameters.AddWithValue("$limit", AmbiguousMatchesShown + 1);
        using var reader = matches.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids.Count switch
        {
            0 => throw new RunNotFoundException(idOrPrefix, $"No stored run has an id starting with '{prefix}'."),
            1 => ids[0],
            _ => throw new AmbiguousRunIdException(idOrPrefix, ids.Take(AmbiguousMatchesShown).ToArray(),
                $"Run id prefix '{prefix}' is ambiguous: it matches {(ids.Count > AmbiguousMatchesShown ? $"more than {AmbiguousMatchesShown}" : ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} runs " +
                $"({string.Join(", ", ids.Take(AmbiguousMatchesShown))}{(ids.Count > AmbiguousMatchesShown ? ", ..." : string.Empty)}). Give more characters."),
        };
    }
}
