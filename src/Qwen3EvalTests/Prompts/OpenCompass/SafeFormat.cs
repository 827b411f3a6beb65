using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts.OpenCompass;

/// <summary>
/// OpenCompass's template filling, <c>safe_format</c> (opencompass/utils/prompt.py L33-35 at 26d077b0):
/// <c>input_str.replace('{' + k + '}', str(v))</c> for each column of the row, in column order. A placeholder-looking
/// text inside a field is replaced too when its column comes later (<c>\bar{A}</c> in a question becomes option A's
/// text). An example is filled with its own row, then — spliced into the prompt — again with the query's row.
/// </summary>
internal static class SafeFormat
{
    /// <summary>
    /// The row's columns in the order the dataset class builds them: MMLU <c>input, A, B, C, D, target</c>; C-Eval
    /// <c>id, question, A, B, C, D, answer, explanation</c> (id left out: it comes first, so nothing it could replace is
    /// in the text yet; a missing answer or explanation is '' as the class's setdefault makes it); CMMLU
    /// <c>question, A, B, C, D, answer</c>.
    /// </summary>
    public static IReadOnlyList<(string Column, string Value)> Row(Question question)
    {
        var answer = question.Answer?.ToString() ?? string.Empty;
        var options = question.Options.Select((o, i) => (question.Letters[i].ToString(), o));
        return question.Benchmark switch
        {
            Benchmark.Mmlu => [("input", question.Text), .. options, ("target", answer)],
            Benchmark.Ceval => [("question", question.Text), .. options, ("answer", answer), ("explanation", question.Explanation ?? string.Empty)],
            Benchmark.Cmmlu => [("question", question.Text), .. options, ("answer", answer)],
            var other => throw new InvalidOperationException($"OpenCompass has no dataset class for {other.ToId()}; the protocol refuses it before rendering."),
        };
    }

    /// <summary>
    /// A protocol template in OpenCompass's own placeholders: {q} → {input} (MMLU) or {question}, {o} → the option lines
    /// <c>A. {A}\n…\nD. {D}</c>; the hint and label are literal in the configs (f-strings) and go in first (the subject is already in).
    /// </summary>
    public static string Upstream(string template, Benchmark benchmark, string? label = null, string? hint = null) =>
        template
            .Replace("{a}", label ?? string.Empty, StringComparison.Ordinal)
            .Replace("{h}", hint ?? string.Empty, StringComparison.Ordinal)
            .Replace("{q}", benchmark == Benchmark.Mmlu ? "{input}" : "{question}", StringComparison.Ordinal)
            .Replace("{o}", "A. {A}\nB. {B}\nC. {C}\nD. {D}", StringComparison.Ordinal);

    /// <summary><c>safe_format(text, **row)</c>.</summary>
    public static string Fill(string text, Question row)
    {
        foreach (var (column, value) in Row(row))
        {
            text = text.Replace("{" + column + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
