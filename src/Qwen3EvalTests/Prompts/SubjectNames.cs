using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>The subject names prompts use.</summary>
internal static class SubjectNames
{
    /// <summary>The subject id with '_' → ' ' ("high school physics").</summary>
    public static string Spaced(Question question) => question.Subject.Replace('_', ' ');

    /// <summary>The Chinese name the Chinese prompts use.</summary>
    public static string Chinese(SubjectInfo subject) => subject.ChineseName ?? throw new EvalInputException(
        $"subject '{subject.Id}' has no Chinese name in the {subject.Benchmark.ToId()} mapping; the Chinese prompts need one.",
        field: "subject");
}
