using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>The "A. {A}\nB. {B}\nC. {C}\nD. {D}" block every protocol shares.</summary>
internal static class OptionLines
{
    /// <summary>The four option lines joined by '\n', without a trailing newline.</summary>
    public static string Of(Question question)
    {
        if (question.Options.Count != Question.Letters.Count)
        {
            throw new EvalInputException(
                $"expected {Question.Letters.Count} options but found {question.Options.Count}.",
                question.Source.File,
                question.Source.Line,
                "options");
        }

        return string.Join('\n', Question.Letters.Select((letter, i) => $"{letter}. {question.Options[i]}"));
    }

    /// <summary>The answer letter of a shot, which must have one.</summary>
    public static char AnswerOf(Question shot) => shot.Answer ?? throw new EvalInputException(
        "a shot has no answer: shots must come from a split with answers (dev).",
        shot.Source.File,
        shot.Source.Line,
        "answer");

    /// <summary>The answer letters with a prefix, e.g. " A", " B", " C", " D".</summary>
    public static IReadOnlyList<string> Continuations(string prefix) =>
        Question.Letters.Select(letter => prefix + letter).ToArray();
}
