using System.Globalization;
using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// lm-evaluation-harness (multiple_choice): each letter is a log-likelihood request; shots are the
/// first K dev rows. Base: description + shots ("doc letter" joined by "\n\n") + doc, continuation " A".
/// Chat (--apply_chat_template): the description is the system message, shots are user/assistant turns
/// (--fewshot_as_multiturn, the default at HEAD; before v0.4.10 folded into the user message unless asked), the
/// target delimiter becomes "" so the continuation is "A". 0-shot unless asked. Releases: <see cref="LmEvalRelease"/>.
/// Subject-size weighted (micro) group averages; C-Eval scores val.
/// </summary>
/// <param name="templates">The strings; null: <see cref="LmEvalTemplates.Default"/>.</param>
/// <param name="release">The release reproduced; null: <see cref="LmEvalRelease.Head"/> ("lm-eval"); others are "lm-eval@0.4.3" etc.</param>
public sealed class LmEvalProtocol(LmEvalTemplates? templates = null, LmEvalRelease? release = null) : IPromptProtocol
{
    public const string ProtocolName = "lm-eval";

    public LmEvalTemplates Templates { get; } = templates ?? LmEvalTemplates.Default;

    public LmEvalRelease Release { get; } = release ?? LmEvalRelease.Head;

    public string Name => Release.Tag is null ? ProtocolName : ProtocolName + "@" + Release.Tag;

    public string TemplateFingerprint => Prompts.TemplateFingerprint.Of(Templates);

    /// <summary>
    /// Both forms: continuation log-likelihood, 0 shots unless asked (the task configs set no num_fewshot), subject-size weighted
    /// (micro) averages, and HFLM's window (<see cref="ContextTruncation.LmEval"/>): the last max_length + 1 tokens of context +
    /// continuation, the last not fed, max_length being the model's (lm_eval/models/huggingface.py L620-625 →
    /// models/utils.py resolve_max_length: config n_positions / max_position_embeddings / n_ctx, then the tokenizer's
    /// model_max_length, then 2048), which a builder export's context_length is.
    /// </summary>
    public ProtocolSettings Settings(Benchmark benchmark, bool chat) => ProtocolSettings.ForLogLikelihood(
        Name, benchmark, chat, AverageKind.Micro, ScorerKind.ContinuationLogLikelihood, ContinuationTokenization.LmEvalEncodePair, ContextTruncation.LmEval(maxLength: null), $"EleutherAI/lm-evaluation-harness lm_eval/tasks/{TaskFolder(benchmark)} @{Release.Revision}")
        with { DefaultShots = 0 };

    private static string TaskFolder(Benchmark benchmark) => benchmark == Benchmark.Mmlu ? "mmlu/default" : benchmark.ToId();

    public RenderedPrompt Render(PromptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var description = Description(request);
        string text;
        IReadOnlyList<ChatTurn>? messages = null;
        string continuationPrefix;
        if (request.Chat)
        {
            var options = request.EffectiveChatOptions;
            messages = ChatMessages(request, description, options);
            text = ChatMl.Render(messages, options.EnableThinking);
            continuationPrefix = string.Empty;
        }
        else
        {
            text = description + ShotsAndQuery(request);
            continuationPrefix = Templates.TargetDelimiter;
        }

        return new RenderedPrompt(text, messages, OptionLines.Continuations(continuationPrefix));
    }

    private string Description(PromptRequest request)
    {
        var (format, name) = request.Question.Benchmark switch
        {
            Benchmark.Mmlu => (Templates.MmluDescription, SubjectNames.Spaced(request.Question)),
            Benchmark.Ceval => (Templates.CevalDescription, SubjectNames.Chinese(request.Subject)),
            _ => (Templates.CmmluDescription, SubjectNames.Chinese(request.Subject)),
        };
        var description = string.Format(CultureInfo.InvariantCulture, format, name);
        return Release.DropsDescriptionNewline && description.EndsWith('\n') ? description[..^1] : description;
    }

    private string Doc(Question question)
    {
        var cue = question.Benchmark == Benchmark.Mmlu ? Templates.MmluAnswerCue : Templates.ChineseAnswerCue;
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
        // lm-eval: system = system_instruction + few-shot delimiter + description (either alone when the other is absent).
        var system = options.SystemMessage is null ? description : options.SystemMessage + Templates.FewShotDelimiter + description;
        var turns = new List<ChatTurn>();
        if (options.ShotsAsMultiTurn ?? Release.FewShotAsMultiTurnByDefault)
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
}
