using System.Globalization;
using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Prompts.Qwen;

/// <summary>
/// Qwen's own scripts (QwenLM/Qwen eval/): base models 5-shot, next-token choice over the answer
/// tokens, an MMLU prompt longer than 2048 tokens cut to its last 2047 (C-Eval and CMMLU never truncated); chat models 0-shot generation with the C-Eval
/// extraction ladder. MMLU test micro; C-Eval val macro; CMMLU test macro.
/// </summary>
public sealed class QwenProtocol(QwenTemplates? templates = null) : IPromptProtocol
{
    public const string ProtocolName = "qwen";

    public QwenTemplates Templates { get; } = templates ?? QwenTemplates.Default;

    public string Name => ProtocolName;

    public string TemplateFingerprint => Prompts.TemplateFingerprint.Of(Templates);

    /// <summary>
    /// Base: evaluate_{mmlu,ceval,cmmlu}.py, 5-shot, next-token choice; MMLU prompts longer than
    /// <see cref="QwenTemplates.MmluMaxSeqLen"/> keep their last MmluMaxSeqLen - 1 tokens, C-Eval and CMMLU prompts are
    /// never truncated (their get_logits has no cut). Chat: evaluate_chat_ceval.py, 0-shot only, generation
    /// with the C-Eval extraction ladder. MMLU micro; C-Eval and CMMLU macro.
    /// </summary>
    public ProtocolSettings Settings(Benchmark benchmark, bool chat)
    {
        var average = benchmark == Benchmark.Mmlu ? AverageKind.Micro : AverageKind.Macro;
        return chat
            ? ProtocolSettings.ForGeneration(Name, benchmark, average, defaultShots: 0, acceptsShots: false, AnswerExtractors.QwenChatChoice, "QwenLM/Qwen eval/evaluate_chat_ceval.py")
            : ProtocolSettings.ForLogLikelihood(Name, benchmark, chat: false, average, ScorerKind.NextTokenChoice, TruncationOf(benchmark), $"QwenLM/Qwen eval/evaluate_{benchmark.ToId()}.py");
    }

    /// <summary>evaluate_mmlu.py get_logits: <c>if len &gt; max_seq_len: input_ids[:, len - max_seq_len + 1:]</c>; evaluate_ceval.py and evaluate_cmmlu.py: no cut.</summary>
    private ContextTruncation TruncationOf(Benchmark benchmark) => benchmark == Benchmark.Mmlu
        ? ContextTruncation.KeepLastWhenLongerThan(Templates.MmluMaxSeqLen, Templates.MmluMaxSeqLen - 1)
        : ContextTruncation.None;

    public RenderedPrompt Render(PromptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var benchmark = request.Question.Benchmark;
        return request.Chat ? RenderChat(request, benchmark) : RenderBase(request, benchmark);
    }

    private RenderedPrompt RenderBase(PromptRequest request, Benchmark benchmark)
    {
        var t = Templates;
        var mmlu = benchmark == Benchmark.Mmlu;
        var (prefix, cue, separator) = mmlu
            ? (t.MmluQuestionPrefix, t.MmluAnswerCue, t.MmluAnswerSeparator)
            : (t.ChineseQuestionPrefix, t.ChineseAnswerCue, t.ChineseAnswerSeparator);

        var text = new StringBuilder();
        if (mmlu)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, t.MmluHeader, request.Question.Subject.Replace('_', ' ')));
        }

        foreach (var shot in request.Shots)
        {
            AppendBlock(text, shot, prefix, cue);
            text.Append(separator).Append(OptionLines.AnswerOf(shot)).Append(t.ShotSeparator);
        }

        AppendBlock(text, request.Question, prefix, cue);
        return new RenderedPrompt(text.ToString(), Messages: null, OptionLines.Continuations(separator));
    }

    private static void AppendBlock(StringBuilder text, Question question, string prefix, string cue) =>
        text.Append(prefix).Append(question.Text).Append('\n')
            .Append(OptionLines.Of(question)).Append('\n')
            .Append(cue);

    // evaluate_chat_ceval.py: 0-shot, user message "{q}\n\nA. {A}\n…D. {D}\n"; the same form serves MMLU and CMMLU.
    private RenderedPrompt RenderChat(PromptRequest request, Benchmark benchmark)
    {
        var options = request.EffectiveChatOptions;
        var user = request.Question.Text + Templates.ChatQuestionSeparator + OptionLines.Of(request.Question) + "\n";
        var messages = ChatMl.WithSystem(options.SystemMessage ?? Settings(benchmark, chat: true).SystemMessage, [new ChatTurn("user", user)]);
        return new RenderedPrompt(ChatMl.Render(messages, options.EnableThinking), messages, Continuations: []);
    }
}
