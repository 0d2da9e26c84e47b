using System.Globalization;
using Parley.Core.Scenarios;

namespace Parley.Core.Analysis.Roadmaps;

/// <summary>
/// A validated, immutable set of steps: unique non-empty ids, known prerequisites, no prerequisite cycle, finite
/// shifts, at most one effect per issue per step. Steps are kept in ordinal id order (the planner's tie-break order).
/// </summary>
public sealed class StepLibrary
{
    private readonly Dictionary<string, Step> _byId;

    private StepLibrary(string id, string? name, IReadOnlyList<Step> steps, IReadOnlyList<string> allies)
    {
        Id = id;
        Name = name;
        Steps = steps;
        Allies = allies;
        _byId = steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>Library id (e.g. <c>korea-2025-steps</c>).</summary>
    public string Id { get; }

    /// <summary>Display name, if any.</summary>
    public string? Name { get; }

    /// <summary>The steps, ordered by id (ordinal).</summary>
    public IReadOnlyList<Step> Steps { get; }

    /// <summary>
    /// Actors the library names as allies whose consent every stage needs besides the step owners (the chapter's
    /// "no deal ... without the US coordinating with its allies"); ordinal order, possibly empty.
    /// </summary>
    public IReadOnlyList<string> Allies { get; }

    /// <summary>The step with <paramref name="id"/>, or null.</summary>
    public Step? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Distinct owners of the steps, ordinal order.</summary>
    public IReadOnlyList<string> Owners => Steps.Select(s => s.Owner).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Validates and builds a library.</summary>
    /// <exception cref="ArgumentException">Any invariant is broken; the message lists every problem.</exception>
    public static StepLibrary Create(string id, string? name, IEnumerable<Step> steps, IEnumerable<string>? allies = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        var problems = Validate(list);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid step library '{id}': {string.Join(" ", problems)}", nameof(steps));
        }

        return new StepLibrary(id, name, list.OrderBy(s => s.Id, StringComparer.Ordinal).ToList(), (allies ?? []).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Every invariant broken by <paramref name="steps"/>, one sentence each; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<Step> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in steps)
        {
            if (string.IsNullOrWhiteSpace(s.Id))
            {
                problems.Add("A step has an empty id.");
                continue;
            }

            if (!ids.Add(s.Id))
            {
                problems.Add($"Step id '{s.Id}' is used more than once.");
            }

            if (string.IsNullOrWhiteSpace(s.Owner))
            {
                problems.Add($"Step '{s.Id}' has no owner.");
            }

            var issues = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in s.Effects)
            {
                if (!issues.Add(e.IssueId))
                {
                    problems.Add($"Step '{s.Id}' has two effects on issue '{e.IssueId}'.");
                }

                if (!double.IsFinite(e.Shift))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"Step '{s.Id}' shifts '{e.IssueId}' by {e.Shift}; a shift must be a finite number."));
                }
            }
        }

        foreach (var s in steps)
        {
            foreach (var p in s.Prerequisites)
            {
                if (!ids.Contains(p))
                {
                    problems.Add($"Step '{s.Id}' requires unknown step '{p}'.");
                }
                else if (p == s.Id)
                {
                    problems.Add($"Step '{s.Id}' requires itself.");
                }
            }
        }

        if (problems.Count == 0)
        {
            var cycle = FindCycle(steps);
            if (cycle is not null)
            {
                problems.Add($"Prerequisites form a cycle: {string.Join(" -> ", cycle)}.");
            }
        }

        return problems;
    }

    /// <summary>Steps in <paramref name="stepId"/>'s prerequisite closure, itself included, ordinal order.</summary>
    public IReadOnlyList<string> Closure(string stepId)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(stepId);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id))
            {
                continue;
            }

            var step = Find(id) ?? throw new KeyNotFoundException($"Unknown step '{id}'.");
            foreach (var p in step.Prerequisites)
            {
                stack.Push(p);
            }
        }

        return seen.ToList();
    }

    private static List<string>? FindCycle(IReadOnlyList<Step> steps)
    {
        var byId = steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        var path = new List<string>();

        List<string>? Visit(string id)
        {
            if (state.TryGetValue(id, out var st))
            {
                return st == 1 ? [.. path.SkipWhile(p => p != id), id] : null;
            }

            state[id] = 1;
            path.Add(id);
            foreach (var p in byId[id].Prerequisites.Order(StringComparer.Ordinal))
            {
                var found = Visit(p);
                if (found is not null)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return null;
        }

        foreach (var s in steps.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var found = Visit(s.Id);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
