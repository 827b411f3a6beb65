using Qwen3EvalTests.Assertions;

namespace Qwen3EvalTests.Tests.Architecture;

/// <summary>
/// The layers of src/, read from its sources: no cycle between namespaces; the domain depends on no engine, application or
/// command-line or gate code; the engines (Qwen3EvalTests.Inference) on neither the application layer nor the domain's orchestration
/// (evaluation, comparison, suites, baselines); the application layer (suites, parity, bench) not on the command line.
/// </summary>
public sealed class NamespaceGraphTests
{
    private const string Domain = "Qwen3EvalTests";
    private const string Inference = "Qwen3EvalTests.Inference";
    private const string Application = "Qwen3EvalTests.Application";
    private const string Cli = "Qwen3EvalTests.Cli";
    private const string Gate = "Qwen3EvalTests.Gate";

    /// <summary>What the engines must not use: orchestration belongs to the application layer, which uses the engines.</summary>
    private static readonly string[] OrchestrationOfTheDomain =
        ["Qwen3EvalTests.Evaluation", "Qwen3EvalTests.Comparison", "Qwen3EvalTests.Suites", "Qwen3EvalTests.Baselines"];

    private static readonly Lazy<NamespaceGraph> Source = new(() => NamespaceGraph.Of(ReadSources(RepositoryFiles.PathOf("src"))));

    [Fact]
    public void EveryFileIsInTheNamespaceOfItsFolder() => Source.Value.Misplaced.Should().BeEmpty();

    [Fact]
    public void NoNamespaceDependsOnItselfThroughOthers()
    {
        var graph = Source.Value;
        graph.Namespaces.Should().Contain([Domain + ".Models", Inference + ".Engines", Application + ".Suites", Cli + ".Commands"], "the graph is read from the real sources");
        graph.Cycles().SelectMany(graph.Describe).Should().BeEmpty();
    }

    [Fact]
    public void EachLayerDependsOnlyOnTheLayersBelowIt()
    {
        var graph = Source.Value;
        var violations = new List<string>();
        foreach (var from in graph.Namespaces)
        {
            foreach (var (to, file) in graph.EdgesFrom(from))
            {
                if (Forbidden(from, to) is { } why)
                {
                    violations.Add($"{from} → {to} ({file}): {why}");
                }
            }
        }

        violations.Should().BeEmpty();
    }

    [Fact]
    public void FindsAPlantedCycleWithTheFilesThatMakeIt()
    {
        var graph = NamespaceGraph.Of(
        [
            ("a/One.cs", "using Qwen3EvalTests.B;\nnamespace Qwen3EvalTests.A;\n", "Qwen3EvalTests.A"),
            ("b/Two.cs", "namespace Qwen3EvalTests.B;\nclass Two { Qwen3EvalTests.C.Three? x; }\n", "Qwen3EvalTests.B"),
            ("c/Three.cs", "namespace Qwen3EvalTests.C;\n// Qwen3EvalTests.A in a comment is no edge\nclass Three { string s = \"Qwen3EvalTests.A\"; global::Qwen3EvalTests.A.One? o; }\n", "Qwen3EvalTests.C"),
            ("d/Four.cs", "using Qwen3EvalTests.A;\nnamespace Qwen3EvalTests.Wrong;\n", "Qwen3EvalTests.D"),
        ]);

        graph.Cycles().Should().ContainSingle().Which.Should().Equal("Qwen3EvalTests.A", "Qwen3EvalTests.B", "Qwen3EvalTests.C");
        graph.Describe(graph.Cycles()[0]).Should().BeEquivalentTo(
            "Qwen3EvalTests.A → Qwen3EvalTests.B (a/One.cs)", "Qwen3EvalTests.B → Qwen3EvalTests.C (b/Two.cs)", "Qwen3EvalTests.C → Qwen3EvalTests.A (c/Three.cs)");
        graph.Misplaced.Should().ContainSingle().Which.Should().Contain("d/Four.cs");
    }

    [Theory]
    [InlineData("Qwen3EvalTests.Evaluation", "Qwen3EvalTests.Inference.GenAI", true)]
    [InlineData("Qwen3EvalTests.Inference.GenAI", "Qwen3EvalTests.Evaluation", true)]
    [InlineData("Qwen3EvalTests.Inference.Engines", "Qwen3EvalTests.Application.Suites", true)]
    [InlineData("Qwen3EvalTests.Application.Bench", "Qwen3EvalTests.Cli.Commands", true)]
    [InlineData("Qwen3EvalTests.Inference.GenAI", "Qwen3EvalTests.Models", false)]
    [InlineData("Qwen3EvalTests.Application.Suites", "Qwen3EvalTests.Inference.Engines", false)]
    [InlineData("Qwen3EvalTests.Cli.Commands", "Qwen3EvalTests.Application.Parity", false)]
    [InlineData("Qwen3EvalTests.Gate", "Qwen3EvalTests.Application.Suites", false)]
    [InlineData("Qwen3EvalTests.Application.Suites", "Qwen3EvalTests.Gate", true)]
    public void TheLayerRuleRefusesOnlyUpwardEdges(string from, string to, bool refused) => (Forbidden(from, to) is not null).Should().Be(refused);

    private static string? Forbidden(string from, string to)
    {
        var (fromLayer, toLayer) = (LayerOf(from), LayerOf(to));
        if (toLayer > fromLayer)
        {
            return "a layer depends only on the layers below it (domain, engines, application, command line)";
        }

        return fromLayer == 1 && OrchestrationOfTheDomain.Any(o => to == o || to.StartsWith(o + ".", StringComparison.Ordinal))
            ? "the engines do not orchestrate runs: that is the application layer's (Qwen3EvalTests.Application)"
            : null;
    }

    /// <summary>0 domain, 1 engines, 2 application, 3 the front ends: the command line and the xUnit gate.</summary>
    private static int LayerOf(string ns) =>
        In(ns, Cli) || In(ns, Gate) ? 3 : In(ns, Application) ? 2 : In(ns, Inference) ? 1 : 0;

    private static bool In(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static List<(string Path, string Text, string FolderNamespace)> ReadSources(string src)
    {
        var sources = new List<(string, string, string)>();
        foreach (var project in Directory.EnumerateDirectories(src))
        {
            foreach (var file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(project, Path.GetDirectoryName(file)!);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "buildTransitive"))
                {
                    continue;
                }

                var folderNamespace = Path.GetFileName(project) + (relative == "." ? string.Empty : "." + relative.Replace(Path.DirectorySeparatorChar, '.'));
                sources.Add((Path.GetRelativePath(src, file), File.ReadAllText(file), folderNamespace));
            }
        }

        return sources;
    }
}
