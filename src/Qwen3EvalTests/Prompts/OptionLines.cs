using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>The "A. {A}\nB. {B}\n…" block every protocol shares: one line per option, as many as the question has.</summary>
internal static class OptionLines
{
    /// <summary>The option lines, one per letter of <see cref="Question.Letters"/>, joined by '\n', without a trailing newline.</summary>
    public static string Of(Question question) =>
        string.Join('\n', question.Letters.Select((letter, i) => $"{letter}. {question.Options[i]}"));

    /// <summary>The answer letter of a shot, which must have one.</summary>
    public static char AnswerOf(Question shot) => shot.Answer ?? throw new EvalInputException(
        "a shot has no answer: shots must come from a split with answers (dev).",
        shot.Source.File,
        shot.Source.Line,
        "answer");

    /// <summary>The question's answer letters with a prefix, e.g. " A", " B", " C", " D" (and " E" for a fifth option).</summary>
    public static IReadOnlyList<string> Continuations(Question question, string prefix) =>
        question.Letters.Select(letter => prefix + letter).ToArray();
}
