using System.Globalization;
using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Gate.Snapshots;

/// <summary>The readable plain-text form of rendered prompts that the snapshot files hold.</summary>
public static class PromptSnapshotText
{
    public const string PromptStart = "----- prompt (starts on the next line; the line break before the end mark is not part of it) -----";
    public const string PromptEnd = "----- end of prompt -----";

    /// <param name="settings">What the protocol decides for the benchmark and form (the header lines).</param>
    /// <param name="subject">The subject id.</param>
    /// <param name="shots">Shots per prompt.</param>
    /// <param name="prompts">Each question and its rendered prompt.</param>
    public static string Format(ProtocolSettings settings, string subject, int shots, IReadOnlyList<(Question Question, RenderedPrompt Prompt)> prompts)
    {
        var text = new StringBuilder()
            .Append("protocol: ").Append(settings.Protocol).Append('\n')
            .Append("benchmark: ").Append(settings.Benchmark.ToId()).Append('\n')
            .Append("subject: ").Append(subject).Append('\n')
            .Append("form: ").Append(settings.Form).Append('\n')
            .Append("shots: ").Append(shots.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("scored split: ").Append(settings.ScoredSplit.ToString().ToLowerInvariant()).Append('\n')
            .Append("average: ").Append(settings.Average.ToString().ToLowerInvariant()).Append('\n')
            .Append("scoring: ").Append(settings.Scorer).Append('\n')
            .Append("whole-sequence loss: ").Append(settings.ScoresWholeSequence ? "yes" : "no").Append('\n')
            .Append("truncation: ").Append(settings.Truncation.Id).Append('\n')
            .Append("reading: ").Append(settings.Reading.Id).Append('\n')
            .Append("extractor: ").Append(settings.Extractor?.Name ?? "none").Append('\n');
        for (var i = 0; i < prompts.Count; i++)
        {
            var (question, prompt) = prompts[i];
            text.Append('\n')
                .Append("=== question ").Append(i.ToString(CultureInfo.InvariantCulture))
                .Append(" · expected answer ").Append(question.Answer?.ToString() ?? "unknown").Append(" ===\n")
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
