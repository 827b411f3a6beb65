using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests.Prompts;

/// <summary>Small hand-made questions: six dev rows and one scored question per benchmark.</summary>
internal static class PromptFixtures
{
    private static readonly char[] DevAnswers = ['B', 'C', 'D', 'A', 'B', 'C'];

    public static SubjectInfo Subject(Benchmark benchmark) => benchmark switch
    {
        Benchmark.Mmlu => new(benchmark, "high_school_physics", "high school physics", null, "STEM", [], false, false),
        Benchmark.Ceval => new(benchmark, "computer_network", "Computer Network", "计算机网络", "STEM", [], false, false),
        _ => new(benchmark, "agronomy", "Agronomy", "农学", "Other", [], false, false),
    };

    public static IReadOnlyList<Question> Dev(Benchmark benchmark, int rows = 6) =>
        Enumerable.Range(0, rows).Select(i => benchmark == Benchmark.Mmlu
            ? Make(benchmark, Split.Dev, i, $"Dev question {i + 1}?", [$"d{i + 1}a", $"d{i + 1}b", $"d{i + 1}c", $"d{i + 1}d"], DevAnswers[i])
            : Make(benchmark, Split.Dev, i, $"开发题{i + 1}？", [$"甲{i + 1}", $"乙{i + 1}", $"丙{i + 1}", $"丁{i + 1}"], DevAnswers[i]))
        .ToArray();

    /// <summary>The scored question; its text has a leading and a trailing space (lm-eval strips them, the others do not).</summary>
    public static Question Query(Benchmark benchmark) => benchmark == Benchmark.Mmlu
        ? Make(benchmark, Split.Test, 0, " Which force keeps planets in orbit? ", ["Friction", "Gravity", "Magnetism", "Tension"], 'B')
        : Make(benchmark, benchmark == Benchmark.Ceval ? Split.Val : Split.Test, 0, " 哪一层负责路由？ ", ["物理层", "网络层", "传输层", "应用层"], 'B');

    /// <summary>Two scored questions: <see cref="Query"/> and a second one.</summary>
    public static IReadOnlyList<Question> Queries(Benchmark benchmark) =>
    [
        Query(benchmark),
        benchmark == Benchmark.Mmlu
            ? Make(benchmark, Split.Test, 1, "What is the SI unit of force?", ["Joule", "Watt", "Pascal", "Newton"], 'D')
            : Make(benchmark, benchmark == Benchmark.Ceval ? Split.Val : Split.Test, 1, "TCP属于哪一层？", ["网络层", "应用层", "传输层", "链路层"], 'C'),
    ];

    public static Question Make(Benchmark benchmark, Split split, int index, string text, IReadOnlyList<string> options, char? answer) =>
        new(benchmark, Subject(benchmark).Id, split, index, text, options, answer, null,
            new SourceLocation($"data/{benchmark.ToId()}/{split.ToString().ToLowerInvariant()}/{Subject(benchmark).Id}.csv", index + 2));
}
