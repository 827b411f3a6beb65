using System.Globalization;
using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// lm-evaluation-harness (multiple_choice): each letter is a log-likelihood request; shots are the
/// first K dev rows. Base: description + shots ("doc letter" joined by "\n\n") + doc, continuation " A".
/// Chat (--apply_chat_template --fewshot_as_multiturn): the description is the system message, shots
/// are user/assistant turns, the target delimiter becomes "" so the continuation is "A".
/// Subject-size weighted (micro) group averages; C-Eval scores val.
/// </summary>
public sealed class LmEvalProtocol(LmEvalTemplates? templates = null) : IPromptProtocol
{
    public const string ProtocolName = "lm-eval";

    public LmEvalTemplates Templates { get; } = templates ?? LmEvalTemplates.Default;

    public string Name => ProtocolName;

    public string TemplateFingerprint => Prompts.TemplateFingerprint.Of(Templates);

    /// <summary>Both forms: continuation log-likelihood, 5 shots, no truncation of its own, subject-size weighted (micro) averages.</summary>
    public ProtocolSettings Settings(Benchmark benchmark, bool chat) => ProtocolSettings.ForLogLikelihood(
        Name, benchmark, chat, AverageKind.Micro, ScorerKind.ContinuationLogLikelihood, ContextTruncation.None, $"EleutherAI/lm-evaluation-harness lm_eval/tasks/{benchmark.ToId()}");

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
        return string.Format(CultureInfo.InvariantCulture, format, name);
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
        if (options.ShotsAsMultiTurn ?? true)
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
