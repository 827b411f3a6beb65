namespace Qwen3EvalTests.Cli;

/// <summary>
/// The examples every <c>--help</c> page ends with, by command path ("data validate"). Each line is a complete command
/// a user can paste; a test walks the command tree and checks every runnable command has at least one and that each
/// parses against the tree.
/// </summary>
public static class CommandExamples
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByCommand { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["run"] =
        [
            "qwen3eval run",
            "qwen3eval run --model models/Qwen3-0.6B-Base --benchmark mmlu --data data/full --limit 30",
            "qwen3eval run --engine openai --endpoint http://127.0.0.1:8000 --benchmark mmlu --protocol lm-eval --chat",
        ],
        ["data stats"] = ["qwen3eval data stats", "qwen3eval data stats --data data/full --json"],
        ["data validate"] = ["qwen3eval data validate --data data/full"],
        ["prompt"] =
        [
            "qwen3eval prompt --benchmark mmlu --subject abstract_algebra --protocol qwen",
            "qwen3eval prompt --benchmark mmlu --subject abstract_algebra --protocol lm-eval --chat --index 2 --json",
        ],
        ["tokenize"] =
        [
            "qwen3eval tokenize --model models/Qwen3-0.6B-Base --text \"The answer is\"",
            "qwen3eval tokenize --model models/Qwen3-0.6B-Base --benchmark mmlu --subject abstract_algebra --protocol qwen --index 0",
        ],
        ["baseline record"] = ["qwen3eval baseline record --suite tiny"],
        ["sensitivity"] = ["qwen3eval sensitivity --benchmark mmlu --limit 5", "qwen3eval sensitivity --model models/Qwen3-0.6B-Base --benchmark ceval --factors protocol,shots --json"],
        ["compare"] = ["qwen3eval compare artifacts/a/mmlu-qwen-5shot.json artifacts/b/mmlu-qwen-5shot.json", "qwen3eval compare A.json B.json --json"],
        ["engines compare"] = ["qwen3eval engines compare --model models/tiny --engines genai,llamacpp --benchmark mmlu --limit 5"],
        ["report"] = ["qwen3eval report artifacts/tiny/mmlu-qwen-5shot.json --out report"],
        ["model inspect"] = ["qwen3eval model inspect --model models/Qwen3-0.6B-Base", "qwen3eval model inspect --model models/Qwen3-0.6B --kind instruct --json"],
        ["tiny-model"] = ["qwen3eval tiny-model --out models/tiny", "qwen3eval tiny-model --out models/tiny-pruned --prune-lm-head --planted-answer B"],
        ["tiny-model measure"] = ["qwen3eval tiny-model measure --questions 50 --prefix-tokens 700"],
        ["gate summary"] = ["qwen3eval gate summary --trx TestResults --results TestResults/eval --out \"$GITHUB_STEP_SUMMARY\""],
        ["bench"] = ["qwen3eval bench --model models/tiny --benchmark mmlu --limit 10 --engines genai"],
        ["ls protocols"] = ["qwen3eval ls protocols", "qwen3eval ls protocols --json"],
        ["ls benchmarks"] = ["qwen3eval ls benchmarks", "qwen3eval ls benchmarks --json"],
        ["ls suites"] = ["qwen3eval ls suites", "qwen3eval ls suites --repo ../Qwen3EvalTests --json"],
        ["ls baselines"] = ["qwen3eval ls baselines", "qwen3eval ls baselines --json"],
    };

    /// <summary>The examples of the command at <paramref name="path"/> (empty when it has none).</summary>
    public static IReadOnlyList<string> For(string path) => ByCommand.GetValueOrDefault(path) ?? [];
}
