using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Prompts.OpenCompass;

/// <summary>
/// OpenCompass. Base models: perplexity mode, one full sequence per option, lowest average token
/// loss wins; the rendered Text is the prefix the four sequences share and each continuation is the
/// varying tail. Chat models: mmlu_gen_a484b3 in ChatML (C-Eval/CMMLU reuse their ppl HUMAN/BOT
/// turns as user/assistant turns), first option letter in the output. Summaries are unweighted
/// subject means (macro). Shots: FixKRetriever fix_id_list [0, 1, 2, 3, 4] of dev.
/// </summary>
/// <remarks>
/// How the pieces are joined, read from open-compass/opencompass:
/// <list type="bullet">
/// <item>openicl/icl_retriever/icl_base_retriever.py generate_ice: the examples are joined with
/// ice_separator and followed by ice_eos_token, both '\n' by default in icl_fix_k_retriever.py
/// (the templates here are label-keyed dicts, prompt_type 'origin', so the '\n's are kept).</item>
/// <item>openicl/icl_prompt_template.py generate_label_prompt_item: the ice token &lt;/E&gt; in the
/// prompt template is replaced by that ice, then the fields are filled (safe_format).</item>
/// <item>MMLU (plain string templates): hint + ice + query, so shots end "Answer: X\n", are separated by
/// '\n' (a blank line), and the last is followed by one more '\n'.</item>
/// <item>C-Eval/CMMLU (HUMAN/BOT round templates, no meta template for a base HF model):
/// models/base.py LMTemplateParser.parse_template joins every non-empty item (turns, the separator and
/// the eos strings) with '\n'. Caveat: in the revision read, generate_ice builds a plain list, which
/// PromptList.replace (utils/prompt.py) does not splice; this renders the evident intent (examples
/// spliced in) and keeps the joining strings in <see cref="OpenCompassTemplates"/> as data.</item>
/// </list>
/// </remarks>
public sealed class OpenCompassProtocol(OpenCompassTemplates? templates = null) : IPromptProtocol
{
    public const string ProtocolName = "opencompass";

    public OpenCompassTemplates Templates { get; } = templates ?? OpenCompassTemplates.Default;

    public string Name => ProtocolName;

    public string TemplateFingerprint => Prompts.TemplateFingerprint.Of(Templates);

    /// <summary>Base: ppl configs, whole-sequence perplexity, 5 shots. Chat: mmlu_gen_a484b3-style generation, first option letter. Macro averages.</summary>
    public ProtocolSettings Settings(Benchmark benchmark, bool chat) => chat
        ? ProtocolSettings.ForGeneration(Name, benchmark, AverageKind.Macro, defaultShots: 5, acceptsShots: true, AnswerExtractors.FirstOption, $"open-compass/opencompass configs/datasets/{benchmark.ToId()} (gen)")
        : ProtocolSettings.ForLogLikelihood(Name, benchmark, chat: false, AverageKind.Macro, ScorerKind.SequencePerplexity, ContextTruncation.None, $"open-compass/opencompass configs/datasets/{benchmark.ToId()} (ppl)");

    public RenderedPrompt Render(PromptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Chat ? RenderChat(request) : RenderPerplexity(request);
    }

    private RenderedPrompt RenderPerplexity(PromptRequest request)
    {
        var sequences = Question.Letters.Select(letter => FullSequence(request, letter.ToString())).ToArray();
        var shared = SharedPrefixLength(sequences);
        return new RenderedPrompt(sequences[0][..shared], Messages: null, sequences.Select(s => s[shared..]).ToArray());
    }

    private string FullSequence(PromptRequest request, string label)
    {
        var t = Templates;
        var q = request.Question;
        if (q.Benchmark == Benchmark.Mmlu)
        {
            var examples = request.Shots.Select(s => TemplateText.Fill(t.MmluPplExample, s, Letter(s)));
            var ice = string.Join(t.IceSeparator, examples) + t.IceEndOfExamples;
            return TemplateText.Subject(t.MmluPplHint, SubjectNames.Spaced(q)) + ice + TemplateText.Fill(t.MmluPplQuery, q, label);
        }

        var items = new List<string>();
        foreach (var (user, assistant) in request.Shots.Select(s => Turns(request, s, Letter(s))))
        {
            items.AddRange([user, assistant, t.IceSeparator]);
        }

        items.Add(t.IceEndOfExamples);
        var (queryUser, queryBot) = Turns(request, q, label);
        items.AddRange([queryUser, queryBot]);
        return string.Join(t.TurnJoiner, items.Where(item => item.Length > 0));
    }

    private (string User, string Assistant) Turns(PromptRequest request, Question question, string label)
    {
        var t = Templates;
        var (human, bot) = question.Benchmark == Benchmark.Ceval ? (t.CevalHuman, t.CevalBot) : (t.CmmluHuman, t.CmmluBot);
        human = TemplateText.Subject(human, SubjectNames.Chinese(request.Subject));
        return (TemplateText.Fill(human, question), TemplateText.Fill(bot, question, label));
    }

    private RenderedPrompt RenderChat(PromptRequest request)
    {
        var t = Templates;
        var q = request.Question;
        var options = request.EffectiveChatOptions;
        var turns = new List<ChatTurn>();
        if (q.Benchmark == Benchmark.Mmlu)
        {
            var hint = TemplateText.Subject(t.MmluChatHint, SubjectNames.Spaced(q));
            foreach (var shot in request.Shots)
            {
                turns.Add(new ChatTurn("user", TemplateText.Fill(t.MmluChatShot, shot, hint: hint)));
                turns.Add(new ChatTurn("assistant", TemplateText.Fill(t.MmluChatShotAnswer, shot, Letter(shot))));
            }

            turns.Add(new ChatTurn("user", TemplateText.Fill(t.MmluChatQuery, q, hint: hint)));
        }
        else
        {
            foreach (var shot in request.Shots)
            {
                var (user, assistant) = Turns(request, shot, Letter(shot));
                turns.Add(new ChatTurn("user", user));
                turns.Add(new ChatTurn("assistant", assistant));
            }

            turns.Add(new ChatTurn("user", Turns(request, q, string.Empty).User));
        }

        if (options.ShotsAsMultiTurn == false)
        {
            turns = [new ChatTurn("user", string.Join(t.TurnJoiner, turns.Select(turn => turn.Content)))];
        }

        var messages = ChatMl.WithSystem(options.SystemMessage ?? Settings(q.Benchmark, chat: true).SystemMessage, turns);
        return new RenderedPrompt(ChatMl.Render(messages, options.EnableThinking), messages, Continuations: []);
    }

    private static string Letter(Question shot) => OptionLines.AnswerOf(shot).ToString();

    private static int SharedPrefixLength(IReadOnlyList<string> sequences)
    {
        var length = sequences.Min(s => s.Length);
        for (var i = 0; i < length; i++)
        {
            if (sequences.Any(s => s[i] != sequences[0][i]))
            {
                return i;
            }
        }

        return length;
    }
}
