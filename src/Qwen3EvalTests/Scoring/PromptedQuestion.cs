using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring;

/// <summary>A question with the exact text a protocol rendered for it and the continuations it scores (none for generation).</summary>
public sealed record PromptedQuestion(Question Question, string Text, IReadOnlyList<string> Continuations)
{
    /// <summary>The reference letter; a scored question must have one.</summary>
    public char Answer => Question.Answer
        ?? throw new EvalInputException("question has no answer but its split is scored.", file: Question.Source.File, line: Question.Source.Line, field: "answer");
}
