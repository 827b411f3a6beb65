using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Prompts.OpenCompass;

/// <summary>
/// OpenCompass. Base models: perplexity mode, one full sequence per option, lowest average token
/// loss wins; the rendered Text is the prefix the four sequences share and each continuation is the
/// varying tail. Chat models: mmlu_gen_a484b3 in ChatML (C-Eval/CMMLU reuse their ppl HUMAN/BOT
/// turns as user/assistant turns), every user turn ending with one more '\n'; MMLU answers read by
/// first_option_postprocess, C-Eval/CMMLU by first_capital_postprocess. Summaries are unweighted
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
/// the eos strings) with '\n'. generate_ice returns a PromptList (<c>[] += PromptList</c> dispatches to
/// PromptList.__radd__), so PromptList.replace('&lt;/E&gt;', ice) splices all the examples in.</item>
/// </list>
/// </remarks>
/// <param name="templates">The strings; null: <see cref="OpenCompassTemplates.Default"/>.</param>
/// <param name="clean">"opencompass@clean": fields go into the templates verbatim instead of through safe_format's
/// sequential replacement (which puts option A's text into a question holding <c>\bar{A}</c>).</param>
/// <param name="maxSeqLen">The model config's <c>max_seq_len</c> ("opencompass@max-seq-len-2048"); null: unset, as in the Qwen
/// base configs at 26d077b0 (configs/models/qwen/hf_qwen2_1_5b.py and the rest give none), so no shot is dropped and each
/// sequence is cut only at the model's max_position_embeddings.</param>
public sealed class OpenCompassProtocol(OpenCompassTemplates? templates = null, bool clean = false, int? maxSeqLen = null) : IShotFittingProtocol
{
    public const string ProtocolName = "opencompass";

    /// <summary>The model config's <c>max_seq_len</c>; null: unset (the model's max_position_embeddings bounds each sequence).</summary>
    public int? MaxSeqLen { get; } = maxSeqLen is < 1 ? throw new ArgumentOutOfRangeException(nameof(maxSeqLen)) : maxSeqLen;

    public OpenCompassTemplates Templates { get; } = templates ?? OpenCompassTemplates.Default;

    /// <summary>Whether fields go in verbatim (the clean variant) rather than as safe_format puts them.</summary>
    public bool Clean { get; } = clean;

    /// <summary>The dataset classes open the CSVs without <c>newline=''</c>: <c>\r\n</c> and <c>\r</c> inside fields become <c>\n</c>.</summary>
    public FieldReading Reading { get; } = new(UniversalNewlines: true);

    public string Name => (Clean ? ProtocolName + "@clean" : ProtocolName)
        + (MaxSeqLen is { } max ? "@max-seq-len-" + max.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

    public string TemplateFingerprint => Prompts.TemplateFingerprint.Of(Templates);

    /// <summary>
    /// Base: the ppl configs, whole-sequence perplexity, 5 shots. Chat: the gen configs, MMLU read by first_option_postprocess,
    /// C-Eval and CMMLU by first_capital_postprocess. Macro averages. <see cref="ProtocolSettings.Source"/> names the config id.
    /// Base forms truncate as <see cref="ContextTruncation.OpenCompass"/>: shots dropped over <see cref="MaxSeqLen"/> (when set),
    /// each whole sequence keeping its last max_seq_len tokens.
    /// </summary>
    public ProtocolSettings Settings(Benchmark benchmark, bool chat) => Renders(benchmark, chat) ? SettingsOf(benchmark, chat) : throw new EvalInputException(Refusal(benchmark, chat)!, field: "benchmark");

    private ProtocolSettings SettingsOf(Benchmark benchmark, bool chat) => (chat
        ? ProtocolSettings.ForGeneration(Name, benchmark, AverageKind.Macro, defaultShots: 5, acceptsShots: true, benchmark == Benchmark.Mmlu ? AnswerExtractors.FirstOption : AnswerExtractors.FirstCapital, Source(benchmark, chat), GenerationSettings.OpenCompass)
        : ProtocolSettings.ForLogLikelihood(Name, benchmark, chat: false, AverageKind.Macro, ScorerKind.SequencePerplexity, ContinuationTokenization.WholeSequence, ContextTruncation.OpenCompass(MaxSeqLen), Source(benchmark, chat)))
        with
        {
            Reading = Reading,
            UnreproducedShotRule = chat && MaxSeqLen is { } max
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GenInferencer drops shots while the chat-template prompt has more than max_seq_len {max} tokens (openicl/icl_inferencer/icl_gen_inferencer.py L200-203), which the harness does only for the base (perplexity) form")
                : null,
        };

    /// <summary>The config this form reproduces, at open-compass/opencompass 26d077b0.</summary>
    public static string Source(Benchmark benchmark, bool chat) =>
        $"open-compass/opencompass configs/datasets/{(chat ? Configs[benchmark].Gen : Configs[benchmark].Ppl)}.py @26d077b0";

    /// <summary>The configs per benchmark at 26d077b0; a benchmark not here (the test benchmark mmlu5-fixture) is refused.</summary>
    public static IReadOnlyDictionary<Benchmark, (string Ppl, string Gen)> Configs { get; } = new Dictionary<Benchmark, (string Ppl, string Gen)>
    {
        [Benchmark.Mmlu] = ("mmlu/mmlu_ppl_ac766d", "mmlu/mmlu_gen_a484b3"),
        [Benchmark.Ceval] = ("ceval/ceval_ppl_578f8d", "ceval/ceval_gen_5f30c7"),
        [Benchmark.Cmmlu] = ("cmmlu/cmmlu_ppl_8b9c76", "cmmlu/cmmlu_gen_c13365"),
    };

    public bool Renders(Benchmark benchmark, bool chat) => Configs.ContainsKey(benchmark);

    public string? Refusal(Benchmark benchmark, bool chat) => Renders(benchmark, chat)
        ? null
        : UnsupportedBenchmark.Message(Name, benchmark, chat, nameof(OpenCompassProtocol) + "." + nameof(Configs), "OpenCompass has no config for it (its templates list exactly A, B, C, D)");

    public RenderedPrompt Render(PromptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        UnsupportedBenchmark.ThrowIfRefused(this, request.Question.Benchmark, request.Chat);
        request = Reading.Apply(request);
        return request.Chat ? RenderChat(request) : RenderPerplexity(request);
    }

    private RenderedPrompt RenderPerplexity(PromptRequest request) =>
        Perplexity([.. request.Question.Letters.Select(letter => FullSequence(request, letter.ToString()))]);

    /// <summary>
    /// The perplexity form with shots dropped as PPLInferencer.inference does (openicl/icl_inferencer/icl_ppl_inferencer.py
    /// L93-120 at 26d077b0): for each label in order, while the label's whole prompt (generate_label_prompt: the sequence with
    /// its label) has more than max_seq_len tokens (get_token_len_from_template → HuggingFaceBaseModel.get_token_len,
    /// <c>len(tokenizer(prompt)['input_ids'])</c>) and a shot is left, the last shot is dropped. The shot list is shared across the
    /// labels (<c>ice_idx_list[idx]</c> is overwritten), so a later label starts from what an earlier one kept: the labels'
    /// shot counts never grow from A to D. Chat forms are returned as rendered.
    /// </summary>
    public RenderedPrompt RenderFitted(PromptRequest request, int maxSequenceTokens, Func<string, int> countTokens)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(countTokens);
        request = Reading.Apply(request);
        if (request.Chat)
        {
            return RenderChat(request);
        }

        var kept = request.Shots.Count;
        var sequences = new List<string>();
        foreach (var letter in request.Question.Letters)
        {
            var label = letter.ToString();
            var sequence = FullSequence(request with { Shots = [.. request.Shots.Take(kept)] }, label);
            while (kept > 0 && countTokens(sequence) > maxSequenceTokens)
            {
                kept--;
                sequence = FullSequence(request with { Shots = [.. request.Shots.Take(kept)] }, label);
            }

            sequences.Add(sequence);
        }

        return Perplexity(sequences);
    }

    private static RenderedPrompt Perplexity(IReadOnlyList<string> sequences)
    {
        var shared = SharedPrefixLength(sequences);
        return new RenderedPrompt(sequences[0][..shared], Messages: null, sequences.Select(s => s[shared..]).ToArray());
    }

    private string FullSequence(PromptRequest request, string label)
    {
        var t = Templates;
        var q = request.Question;
        if (q.Benchmark == Benchmark.Mmlu)
        {
            var examples = request.Shots.Select(s => Fill(t.MmluPplExample, s, request, Letter(s)));
            var ice = string.Join(t.IceSeparator, examples) + t.IceEndOfExamples;
            return Fill(TemplateText.Subject(t.MmluPplHint, SubjectNames.Spaced(q)), q, request) + ice + Fill(t.MmluPplQuery, q, request, label);
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
        return (Fill(human, question, request), Fill(bot, question, request, label));
    }

    /// <summary>
    /// Fills <paramref name="template"/> with <paramref name="row"/> (the query or a shot of <paramref name="request"/>):
    /// as OpenCompass does (<see cref="SafeFormat"/>: sequential replacement over the row's columns, and a shot's text
    /// again with the query's row once spliced in), or, for the clean variant, with the data verbatim.
    /// </summary>
    private string Fill(string template, Question row, PromptRequest request, string? label = null, string? hint = null)
    {
        if (Clean)
        {
            return TemplateText.Fill(template, row, label, hint);
        }

        var text = SafeFormat.Fill(SafeFormat.Upstream(template, row.Benchmark, label, hint), row);
        return ReferenceEquals(row, request.Question) ? text : SafeFormat.Fill(text, request.Question);
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
                turns.Add(new ChatTurn("user", Fill(t.MmluChatShot, shot, request, hint: hint)));
                turns.Add(new ChatTurn("assistant", Fill(t.MmluChatShotAnswer, shot, request, Letter(shot))));
            }

            turns.Add(new ChatTurn("user", Fill(t.MmluChatQuery, q, request, hint: hint)));
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

        turns = [.. turns.Select(turn => turn.Role == "user" ? turn with { Content = turn.Content + t.ChatUserTurnEnd } : turn)];

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
