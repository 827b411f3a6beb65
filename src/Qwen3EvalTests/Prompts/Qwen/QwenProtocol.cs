using System.Globalization;
using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Prompts.Qwen;

/// <summary>
/// Qwen's own scripts (QwenLM/Qwen eval/): base models 5-shot, next-token choice over the answer
/// tokens, an MMLU prompt longer than 2048 tokens cut to its last 2047 (C-Eval and CMMLU never truncated); chat models
/// 0-shot generation after Qwen-1 model.chat's system turn: MMLU as evaluate_chat_mmlu.py, C-Eval as
/// evaluate_chat_ceval.py, CMMLU (no upstream script) in the C-Eval form. MMLU test micro; C-Eval val macro; CMMLU test macro.
/// </summary>
/// <param name="templates">The strings; null: <see cref="QwenTemplates.Default"/>.</param>
/// <param name="pandas">Which pandas' NA strings the scripts' read_csv applies to the options (unknown upstream, so named):
/// <see cref="PandasNaValues.Pandas1"/> is "qwen", <see cref="PandasNaValues.Pandas2"/> ("None" → nan) is "qwen@pandas2".</param>
public sealed class QwenProtocol(QwenTemplates? templates = null, PandasNaValues pandas = PandasNaValues.Pandas1) : IPromptProtocol
{
    public const string ProtocolName = "qwen";

    public QwenTemplates Templates { get; } = templates ?? QwenTemplates.Default;

    /// <summary>
    /// How the scripts' pandas reads the fields: options that are a default NA string render as "nan"; line endings kept; each
    /// option column of each file as its inferred dtype prints (evaluate_{mmlu,ceval,cmmlu}.py and evaluate_chat_{mmlu,ceval}.py
    /// call pd.read_csv without dtype=; the options reach the prompt through f-strings, <c>f'\n{choice}. {line[f"{choice}"]}'</c>,
    /// the chat MMLU script after <c>.astype(str)</c>: both <c>str()</c> of the value).
    /// </summary>
    public FieldReading Reading { get; } = new FieldReading(UniversalNewlines: false, OptionNaValues: pandas) { OptionColumnTypes = true };

    public string Name => pandas == PandasNaValues.Pandas2 ? ProtocolName + "@pandas2" : ProtocolName;

    public string TemplateFingerprint => Prompts.TemplateFingerprint.Of(Templates);

    /// <summary>
    /// Base: evaluate_{mmlu,ceval,cmmlu}.py, 5-shot, next-token choice; MMLU prompts longer than
    /// <see cref="QwenTemplates.MmluMaxSeqLen"/> keep their last MmluMaxSeqLen - 1 tokens, C-Eval and CMMLU prompts are
    /// never truncated (their get_logits has no cut). Chat: evaluate_chat_{mmlu,ceval}.py, 0-shot only,
    /// system turn "You are a helpful assistant.", generation with each script's extraction. MMLU micro; C-Eval and CMMLU macro.
    /// </summary>
    public ProtocolSettings Settings(Benchmark benchmark, bool chat)
    {
        UnsupportedBenchmark.ThrowIfRefused(this, benchmark, chat);
        var form = QwenBenchmarkForms.ByBenchmark[benchmark];
        var settings = chat
            ? ProtocolSettings.ForGeneration(Name, benchmark, form.Average, defaultShots: 0, acceptsShots: false, form.Chat!.Extractor, form.Chat.Source, GenerationSettings.QwenScripts, Templates.ChatSystemMessage)
            : ProtocolSettings.ForLogLikelihood(Name, benchmark, chat: false, form.Average, ScorerKind.NextTokenChoice, ContinuationTokenization.Separate, TruncationOf(form.Layout), form.BaseSource);
        return settings with { Reading = Reading };
    }

    public bool Renders(Benchmark benchmark, bool chat) =>
        QwenBenchmarkForms.ByBenchmark.TryGetValue(benchmark, out var form) && (!chat || form.Chat is not null);

    public string? Refusal(Benchmark benchmark, bool chat) => Renders(benchmark, chat)
        ? null
        : UnsupportedBenchmark.Message(Name, benchmark, chat, nameof(QwenBenchmarkForms), QwenBenchmarkForms.ByBenchmark.GetValueOrDefault(benchmark)?.NoChatReason);

    /// <summary>The string family of <paramref name="benchmark"/>'s prompts.</summary>
    /// <exception cref="EvalInputException">Qwen's table has no entry for it.</exception>
    public QwenLayout Layout(Benchmark benchmark)
    {
        UnsupportedBenchmark.ThrowIfRefused(this, benchmark, chat: false);
        return QwenBenchmarkForms.ByBenchmark[benchmark].Layout;
    }

    /// <summary>evaluate_mmlu.py get_logits: <c>if len &gt; max_seq_len: input_ids[:, len - max_seq_len + 1:]</c>; evaluate_ceval.py and evaluate_cmmlu.py: no cut.</summary>
    private ContextTruncation TruncationOf(QwenLayout layout) => layout == QwenLayout.Mmlu
        ? ContextTruncation.KeepLastWhenLongerThan(Templates.MmluMaxSeqLen, Templates.MmluMaxSeqLen - 1)
        : ContextTruncation.None;

    public RenderedPrompt Render(PromptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = Reading.Apply(request);
        var benchmark = request.Question.Benchmark;
        UnsupportedBenchmark.ThrowIfRefused(this, benchmark, request.Chat);
        return request.Chat ? RenderChat(request, benchmark) : RenderBase(request, benchmark);
    }

    private RenderedPrompt RenderBase(PromptRequest request, Benchmark benchmark)
    {
        var t = Templates;
        var mmlu = Layout(benchmark) == QwenLayout.Mmlu;
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
        return new RenderedPrompt(text.ToString(), Messages: null, OptionLines.Continuations(request.Question, separator));
    }

    private static void AppendBlock(StringBuilder text, Question question, string prefix, string cue) =>
        text.Append(prefix).Append(question.Text).Append('\n')
            .Append(OptionLines.Of(question)).Append('\n')
            .Append(cue);

    // evaluate_chat_ceval.py (and CMMLU): 0-shot, user message "{q}\n\nA. {A}\n…D. {D}\n";
    // evaluate_chat_mmlu.py: "{instruction}{q}\nA. {A}\n…D. {D}\n". Every option line ends with "\n".
    private RenderedPrompt RenderChat(PromptRequest request, Benchmark benchmark)
    {
        var options = request.EffectiveChatOptions;
        var q = request.Question;
        var user = Layout(benchmark) == QwenLayout.Mmlu
            ? Templates.ChatMmluInstruction + q.Text + "\n" + OptionLines.Of(q) + "\n"
            : q.Text + Templates.ChatQuestionSeparator + OptionLines.Of(q) + "\n";
        var messages = ChatMl.WithSystem(options.SystemMessage ?? Settings(benchmark, chat: true).SystemMessage, [new ChatTurn("user", user)]);
        return new RenderedPrompt(ChatMl.Render(messages, options.EnableThinking), messages, Continuations: []);
    }
}
