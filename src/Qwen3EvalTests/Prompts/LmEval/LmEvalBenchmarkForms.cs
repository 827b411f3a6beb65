using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>One benchmark's row of lm-eval's table: which strings of <see cref="LmEvalTemplates"/> its task uses.</summary>
/// <param name="Description">The task's description template ({0} = the subject name).</param>
/// <param name="SubjectName">The name put in the description: the spaced subject id (MMLU) or the mapping's Chinese name.</param>
/// <param name="AnswerCue">The doc's last line, "Answer:" or "答案：".</param>
/// <param name="Source">The task reproduced, given the release's revision.</param>
public sealed record LmEvalBenchmarkForm(
    Func<LmEvalTemplates, string> Description,
    Func<PromptRequest, string> SubjectName,
    Func<LmEvalTemplates, string> AnswerCue,
    Func<string, string> Source);

/// <summary>The benchmarks lm-evaluation-harness has tasks for (lm_eval/tasks/{mmlu/default,ceval,cmmlu}), and the test benchmark in the MMLU task's form.</summary>
public static class LmEvalBenchmarkForms
{
    private static string Task(string folder, string revision) => $"EleutherAI/lm-evaluation-harness lm_eval/tasks/{folder} @{revision}";

    /// <summary>Keyed by benchmark; a benchmark not here is refused (<see cref="UnsupportedBenchmark"/>).</summary>
    public static IReadOnlyDictionary<Benchmark, LmEvalBenchmarkForm> ByBenchmark { get; } = new Dictionary<Benchmark, LmEvalBenchmarkForm>
    {
        [Benchmark.Mmlu] = new(t => t.MmluDescription, r => SubjectNames.Spaced(r.Question), t => t.MmluAnswerCue, revision => Task("mmlu/default", revision)),
        [Benchmark.Ceval] = new(t => t.CevalDescription, r => SubjectNames.Chinese(r.Subject), t => t.ChineseAnswerCue, revision => Task("ceval", revision)),
        [Benchmark.Cmmlu] = new(t => t.CmmluDescription, r => SubjectNames.Chinese(r.Subject), t => t.ChineseAnswerCue, revision => Task("cmmlu", revision)),

        // The mmlu task's doc_to_text builds one "X. {choice}" line per choice and doc_to_choice lists the letters, so it renders five options as they are.
        [Benchmark.Mmlu5Fixture] = new(t => t.MmluDescription, r => SubjectNames.Spaced(r.Question), t => t.MmluAnswerCue,
            revision => $"lm-eval-style, no upstream task: the {Task("mmlu/default", revision)} form applied to the five-option test benchmark mmlu5-fixture"),
    };
}
