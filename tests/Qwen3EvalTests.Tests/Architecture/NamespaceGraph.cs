using System.Text.RegularExpressions;

namespace Qwen3EvalTests.Tests.Architecture;

/// <summary>
/// The dependency graph between the project's namespaces (one per folder), read from the sources themselves: an edge for every
/// <c>using Qwen3EvalTests…;</c> directive and every fully qualified <c>Qwen3EvalTests.…</c> name in code (string literals and
/// comments left out), each edge with the first file that makes it.
/// </summary>
public sealed partial class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> edges = new(StringComparer.Ordinal);

    private NamespaceGraph(IReadOnlySet<string> namespaces) => Namespaces = namespaces;

    /// <summary>Every namespace that has a source file.</summary>
    public IReadOnlySet<string> Namespaces { get; }

    /// <summary>The files whose namespace is not the one their folder gives (project folder name, then the sub-folders).</summary>
    public List<string> Misplaced { get; } = [];

    /// <summary>The namespaces <paramref name="from"/> depends on, each with the file that makes the edge.</summary>
    public IReadOnlyDictionary<string, string> EdgesFrom(string from) =>
        edges.TryGetValue(from, out var to) ? to : new Dictionary<string, string>();

    /// <param name="sources">Each file's path, its text, and the namespace its folder gives.</param>
    public static NamespaceGraph Of(IReadOnlyList<(string Path, string Text, string FolderNamespace)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var graph = new NamespaceGraph(sources.Select(s => s.FolderNamespace).ToHashSet(StringComparer.Ordinal));
        foreach (var (path, text, folderNamespace) in sources)
        {
            var declared = NamespaceDeclaration().Match(text);
            if (declared.Success && declared.Groups[1].Value != folderNamespace)
            {
                graph.Misplaced.Add($"{path}: namespace {declared.Groups[1].Value}, folder {folderNamespace}");
            }

            var code = StringOrComment().Replace(UsingOrNamespaceLine().Replace(text, string.Empty), string.Empty);
            var named = UsingDirective().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(QualifiedName().Matches(code).Select(m => m.Groups[1].Value));
            foreach (var name in named)
            {
                if (graph.NamespaceOf(name) is { } to && to != folderNamespace)
                {
                    var from = graph.edges.TryGetValue(folderNamespace, out var existing) ? existing : graph.edges[folderNamespace] = new(StringComparer.Ordinal);
                    from.TryAdd(to, path);
                }
            }
        }

        return graph;
    }

    /// <summary>The strongly connected components of more than one namespace (Tarjan), each sorted: every cycle lies in one.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in EdgesFrom(v).Keys)
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    components.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var v in Namespaces.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return components;
    }

    /// <summary>A cycle's edges as "A → B (file)" lines, for a failure message.</summary>
    public IEnumerable<string> Describe(IReadOnlyList<string> component) =>
        component.SelectMany(from => EdgesFrom(from).Where(e => component.Contains(e.Key)).Select(e => $"{from} → {e.Key} ({e.Value})"));

    /// <summary>The longest namespace of the project that <paramref name="name"/> starts with (a type's name may follow it).</summary>
    private string? NamespaceOf(string name)
    {
        for (var candidate = name; candidate.Length > 0; candidate = candidate.LastIndexOf('.') is var dot and > 0 ? candidate[..dot] : string.Empty)
        {
            if (Namespaces.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(Qwen3EvalTests[\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^\s*(?:global\s+)?(?:using|namespace)\b.*$", RegexOptions.Multiline)]
    private static partial Regex UsingOrNamespaceLine();

    [GeneratedRegex(@"@?""(?:[^""\\\n]|\\.)*""|//.*$", RegexOptions.Multiline)]
    private static partial Regex StringOrComment();

    [GeneratedRegex(@"(?<![\w.])(Qwen3EvalTests(?:\.[A-Z]\w*)+)")]
    private static partial Regex QualifiedName();
}
