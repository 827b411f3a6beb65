using System.Globalization;
using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// lm-evaluation-harness (multiple_choice): each letter is a log-likelihood request; shots are the
/// first K dev rows. Base: description + shots ("doc letter" joined by "\n\n") + doc, continuation " A".
/// Chat (--apply_chat_template): the description is the system message, shots are user/assistant turns or folded into
/// the user message, the continuation "A" or " A". 0-shot unless asked. What depends on the release is read from
/// <see cref="LmEvalRelease.Rules"/> (<see cref="LmEvalRules"/>): the description's last newline, the chat target delimiter,
/// the multi-turn default, whether enable_thinking reaches the template, how a system instruction joins the description.
/// Subject-size weighted (micro) group averages; C-Eval scores val.
/// </summary>
/// <param name="templates">The strings; null: <see cref="LmEvalTemplates.Default"/>.</param>
/// <param name="release">The release reproduced; null: <see cref="LmEvalRelease.Head"/> ("lm-eval"); others are "lm-eval@0.4.3" etc.</param>
public sealed class LmEvalProtocol(LmEvalTemplates? templates = null, LmEvalRelease? release = null) : IPromptProtocol
{
    public const string ProtocolName = "lm-eval";

    public LmEvalTemplates Templates { get; } = templates ?? LmEvalTemplates.Default;

    public LmEvalRelease Release { get; } = RequireLayoutRules(release ?? LmEvalRelease.Head);

    public string Name => Release.Tag is null ? ProtocolName : ProtocolName + "@" + Release.Tag;

    public string TemplateFingerprint => Prompts.TemplateFingerprint.Of(Templates);

    /// <summary>
    /// Both forms: continuation log-likelihood, 0 shots unless asked (<see cref="LmEvalRuleId.ZeroShotByDefault"/>), subject-size weighted
    /// (micro) averages, and HFLM's window (<see cref="ContextTruncation.LmEval"/>): the last max_length + 1 tokens of context +
    /// continuation, the last not fed, max_length being the model's (lm_eval/models/huggingface.py L620-625 →
    /// models/utils.py resolve_max_length: config n_positions / max_position_embeddings / n_ctx, then the tokenizer's
    /// model_max_length, then 2048), which a builder export's context_length is.
    /// </summary>
    public ProtocolSettings Settings(Benchmark benchmark, bool chat)
    {
        UnsupportedBenchmark.ThrowIfRefused(this, benchmark, chat);
        return ProtocolSettings.ForLogLikelihood(
            Name, benchmark, chat, AverageKind.Micro, ScorerKind.ContinuationLogLikelihood, ContinuationTokenization.LmEvalEncodePair, ContextTruncation.LmEval(maxLength: null), LmEvalBenchmarkForms.ByBenchmark[benchmark].Source(Release.Revision))
            with { DefaultShots = 0 };
    }

    public bool Renders(Benchmark benchmark, bool chat) => LmEvalBenchmarkForms.ByBenchmark.ContainsKey(benchmark);

    public string? Refusal(Benchmark benchmark, bool chat) => Renders(benchmark, chat)
        ? null
        : UnsupportedBenchmark.Message(Name, benchmark, chat, nameof(LmEvalBenchmarkForms));

    private static LmEvalBenchmarkForm Form(Question question) => LmEvalBenchmarkForms.ByBenchmark[question.Benchmark];

    public RenderedPrompt Render(PromptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        UnsupportedBenchmark.ThrowIfRefused(this, request.Question.Benchmark, request.Chat);
        var description = Description(request);
        string text;
        IReadOnlyList<ChatTurn>? messages = null;
        string continuationPrefix;
        if (request.Chat)
        {
            var options = RequireSendable(request.EffectiveChatOptions);
            messages = ChatMessages(request, description, options);
            text = ChatMl.Render(messages, options.EnableThinking);
            continuationPrefix = Release.Holds(LmEvalRuleId.ChatContinuationWithoutTargetDelimiter) ? string.Empty : Templates.TargetDelimiter;
        }
        else
        {
            text = description + ShotsAndQuery(request);
            continuationPrefix = Templates.TargetDelimiter;
        }

        return new RenderedPrompt(text, messages, OptionLines.Continuations(request.Question, continuationPrefix));
    }

    private string Description(PromptRequest request)
    {
        var form = Form(request.Question);
        var description = string.Format(CultureInfo.InvariantCulture, form.Description(Templates), form.SubjectName(request));
        return Release.Holds(LmEvalRuleId.DescriptionLastNewlineDropped) && description.EndsWith('\n') ? description[..^1] : description;
    }

    private string Doc(Question question)
    {
        var cue = Form(question).AnswerCue(Templates);
        return question.Text.Trim() + "\n" + OptionLines.Of(question) + "\n" + cue;
    }

    private string ShotsAndQuery(PromptRequest request)
    {
        var text = new StringBuilder();
        foreach (var shot in request.Shots)
        {
            text.Append(Doc(shot)).Append(Templates.TargetDelimiter).Append(OptionLines.AnswerOf(shot)).Append(Templates.FewShotDelimiter);
        }

        return text.Append(Doc(request.Question)).ToString();
    }

    private IReadOnlyList<ChatTurn> ChatMessages(PromptRequest request, string description, ChatOptions options)
    {
        var system = SystemPrompt(options.SystemMessage, description);
        var turns = new List<ChatTurn>();
        if (options.ShotsAsMultiTurn ?? Release.Holds(LmEvalRuleId.ChatShotsAsTurnsByDefault))
        {
            foreach (var shot in request.Shots)
            {
                turns.Add(new ChatTurn("user", Doc(shot)));
                turns.Add(new ChatTurn("assistant", OptionLines.AnswerOf(shot).ToString()));
            }

            turns.Add(new ChatTurn("user", Doc(request.Question)));
        }
        else
        {
            turns.Add(new ChatTurn("user", ShotsAndQuery(request)));
        }

        return ChatMl.WithSystem(system, turns);
    }

    /// <inheritdoc />
    public string? ChatOptionsRefusal(ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.EnableThinking == false && !Release.Holds(LmEvalRuleId.ChatTemplateReceivesEnableThinking)
            ? $"{Name} cannot send enable_thinking=false: lm-eval's hf model passes no argument to the chat template before v0.4.9.1 (enable_thinking model argument, PR #3164), so Qwen3's template renders no empty think block; run thinking mode or protocol '{ProtocolName}'."
            : null;
    }

    /// <exception cref="EvalInputException">enable_thinking=false asked of a release whose hf model cannot pass it to the template.</exception>
    private ChatOptions RequireSendable(ChatOptions options) =>
        ChatOptionsRefusal(options) is { } refusal ? throw new EvalInputException(refusal, field: "enable_thinking") : options;

    /// <summary>
    /// --system_instruction and the description: instruction + few-shot delimiter + description (the instruction alone when
    /// there is no description); from v0.4.10 maybe_delimit, which leaves the delimiter out when the instruction ends or the
    /// description starts with whitespace and drops an empty instruction.
    /// </summary>
    private string SystemPrompt(string? instruction, string description)
    {
        if (instruction is null)
        {
            return description;
        }

        if (!Release.Holds(LmEvalRuleId.SystemInstructionDelimitedOnlyWithoutBoundaryWhitespace))
        {
            return description.Length == 0 ? instruction : instruction + Templates.FewShotDelimiter + description;
        }

        return instruction.Length == 0 ? description
            : description.Length == 0 ? instruction
            : char.IsWhiteSpace(instruction[^1]) || char.IsWhiteSpace(description[0]) ? instruction + description
            : instruction + Templates.FewShotDelimiter + description;
    }

    /// <summary>
    /// The rules this protocol has one layout for: the description as the chat system message and the 0-shot default hold in
    /// every release read; a release without them would need a layout nobody has written.
    /// </summary>
    private static LmEvalRelease RequireLayoutRules(LmEvalRelease release)
    {
        foreach (var rule in (ReadOnlySpan<LmEvalRuleId>)[LmEvalRuleId.ChatDescriptionIsSystemMessage, LmEvalRuleId.ZeroShotByDefault])
        {
            if (!release.Holds(rule))
            {
                throw new ArgumentException($"lm-eval {release.Revision}: rule {rule} does not hold and {nameof(LmEvalProtocol)} has no other layout.", nameof(release));
            }
        }

        return release;
    }
}
