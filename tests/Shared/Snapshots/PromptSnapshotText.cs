using System.Globalization;
using System.Text;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Tests.Prompts;

/// <summary>The readable plain-text form of rendered prompts that the snapshot files hold.</summary>
internal static class PromptSnapshotText
{
    public const string PromptStart = "----- prompt (starts on the next line; the line break before the end mark is not part of it) -----";
    public const string PromptEnd = "----- end of prompt -----";

    public static string Format(string protocol, string benchmark, string subject, string form, int shots, IReadOnlyList<RenderedPrompt> prompts)
    {
        var first = prompts[0];
        var text = new StringBuilder()
            .Append("protocol: ").Append(protocol).Append('\n')
            .Append("benchmark: ").Append(benchmark).Append('\n')
            .Append("subject: ").Append(subject).Append('\n')
            .Append("form: ").Append(form).Append('\n')
            .Append("shots: ").Append(shots.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("scored split: ").Append(first.ScoredSplit.ToString().ToLowerInvariant()).Append('\n')
            .Append("average: ").Append(first.Average.ToString().ToLowerInvariant()).Append('\n')
            .Append("scoring: ").Append(first.Scoring).Append('\n')
            .Append("whole-sequence loss: ").Append(first.ScoreWholeSequence ? "yes" : "no").Append('\n')
            .Append("max context tokens: ").Append(first.MaxContextTokens?.ToString(CultureInfo.InvariantCulture) ?? "none").Append('\n')
            .Append("extractor: ").Append(first.Extractor?.Name ?? "none").Append('\n');
        for (var i = 0; i < prompts.Count; i++)
        {
            var prompt = prompts[i];
            text.Append('\n')
                .Append("=== question ").Append(i.ToString(CultureInfo.InvariantCulture))
                .Append(" · expected answer ").Append(prompt.ExpectedAnswer?.ToString() ?? "unknown").Append(" ===\n")
                .Append("continuations: ").Append(prompt.Continuations.Count == 0 ? "none (generation)" : string.Join(" | ", prompt.Continuations.Select(Quote))).Append('\n');
            if (prompt.Messages is { } messages)
            {
                text.Append("messages: ").Append(string.Join(", ", messages.Select(m => m.Role))).Append('\n');
            }

            text.Append(PromptStart).Append('\n').Append(prompt.Text).Append('\n').Append(PromptEnd).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
