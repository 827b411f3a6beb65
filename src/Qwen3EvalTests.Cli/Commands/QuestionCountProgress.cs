using Qwen3EvalTests.Evaluation;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>Hands each progress report's questions-done count to <paramref name="scored"/>, synchronously on the scoring thread.</summary>
internal sealed class QuestionCountProgress(Action<int> scored) : IProgress<EvaluationProgress>
{
    public void Report(EvaluationProgress value) => scored(value.QuestionsDone);
}
