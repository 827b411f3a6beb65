using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Scoring;

/// <summary>
/// Scores the four continuations of each question in one request and picks by <paramref name="Rule"/>:
/// summed log-likelihood (lm-eval), per-token (length-normalised), or whole-sequence perplexity (OpenCompass,
/// which also asks for the context's log-probability). <paramref name="NextTokenOnly"/> reads only the last
/// token of each continuation at the last prompt position, as Qwen's scripts do (one forward per question).
/// </summary>
/// <param name="Rule">How the option scores pick an answer.</param>
/// <param name="NextTokenOnly">Qwen's next-token choice instead of full continuation log-likelihoods.</param>
/// <param name="Truncation">The protocol's context limit, applied by the backend, which keeps the last
/// <see cref="LogLikelihoodRequest.MaxContextTokens"/> of a longer context. A rule with a separate threshold ("longer than
/// 2048: keep the last 2047") is asked as keep-last(2047); the one prompt length where that differs — a prompt of exactly
/// the threshold, which the rule keeps whole — is asked again as keep-last(threshold), so every prompt gets exactly the rule.
/// A whole-sequence rule (OpenCompass's tokenizer, lm-eval's window) is asked per continuation length (<see cref="SequenceFitted"/>).</param>
public sealed record LogLikelihoodScorer(ChoiceRule Rule, bool NextTokenOnly, ContextTruncation Truncation) : IQuestionScorer
{
    /// <summary>How context and continuations are tokenized (the protocol's; <see cref="RequestTokenizer"/>).</summary>
    public ContinuationTokenization Tokenization { get; init; } = ContinuationTokenization.Separate;

    /// <summary>The request of <paramref name="question"/>, as text.</summary>
    public LogLikelihoodRequest RequestOf(PromptedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new LogLikelihoodRequest(
            question.Text,
            question.Continuations,
            Truncation.MaxContextTokens,
            IncludeContextLogProb: Rule == ChoiceRule.SequencePerplexity,
            NextTokenOnly: NextTokenOnly,
            Tokenization);
    }

    /// <summary>
    /// The request of <paramref name="question"/> with its ids from <paramref name="model"/>'s own tokenizer: what the backend
    /// scores and the results record (before truncation, which the backend applies).
    /// </summary>
    public LogLikelihoodRequest TokenizedRequestOf(ILanguageModel model, PromptedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(model);
        var request = RequestOf(question);
        return request with { Tokenized = RequestTokenizer.Tokenize(request, model.Encode) };
    }

    /// <summary>
    /// <paramref name="tokens"/> as a backend feeds them to a model of <paramref name="contextLength"/> positions: the context cut
    /// by the protocol's rule exactly (a prompt of exactly the threshold stays whole; under a whole-sequence rule, what the longest
    /// continuation keeps), then to what leaves room for the longest continuation.
    /// </summary>
    public TokenizedRequest AsFed(TokenizedRequest tokens, int contextLength)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var keptByRule = tokens.Context.Count - Truncation.Dropped(tokens.Context.Count);
        if (Truncation.ContextLimitFor(tokens.LongestContinuation, contextLength) is { } sequenceLimit)
        {
            keptByRule = Math.Min(keptByRule, sequenceLimit);
        }

        return tokens.KeepLast(Math.Max(0, tokens.ContextLimit(keptByRule, contextLength)));
    }

    /// <summary><paramref name="question"/> with its tokenized request (<see cref="TokenizedRequestOf"/>), which <see cref="Score"/> then uses.</summary>
    public PromptedQuestion Prepare(ILanguageModel model, PromptedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question with { Request = TokenizedRequestOf(model, question) };
    }

    public IReadOnlyList<QuestionOutcome> Score(ILanguageModel model, IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(questions);
        var requests = questions.Select(q => q.Request ?? TokenizedRequestOf(model, q)).ToArray();
        var asked = requests.Select(r => SequenceFitted(r, model.Info.ContextLength)).ToArray();
        var flat = asked.SelectMany(a => a).ToArray();
        var results = model.Score(flat, cancellationToken).ToArray();
        RescoreKeptWhole(model, flat, results, cancellationToken);
        var outcomes = new QuestionOutcome[questions.Count];
        var at = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var parts = results.AsSpan(at, asked[i].Count).ToArray();
            at += parts.Length;
            var scores = parts.Length == 1 ? ChoicePicker.Scores(parts[0], Rule) : [.. parts.Select(p => ChoicePicker.Scores(p, Rule)[0])];
            var mostCut = parts.MaxBy(p => p.TruncatedTokenCount)!;
            var q = questions[i];
            outcomes[i] = new QuestionOutcome(
                q.Question.Subject,
                q.Question.Index,
                q.Answer,
                q.Question.Letters[ChoicePicker.ArgMax(scores)],
                scores,
                Generated: null,
                mostCut.ContextTokenCount,
                mostCut.TruncatedTokenCount)
            {
                ContinuationTokens = requests[i].Tokenized!.Continuations,
            };
        }

        return outcomes;
    }

    /// <summary>
    /// What is asked of the backend for <paramref name="request"/> under the whole-sequence rule (<see cref="ContextTruncation.Sequence"/>):
    /// the request itself when its context fits every continuation's limit; with that limit as <see cref="LogLikelihoodRequest.MaxContextTokens"/>
    /// when every continuation has the same length; else one request per continuation, each with its own limit (the references
    /// truncate each option's sequence apart: lm-eval scores each pair alone, OpenCompass's tokenizer cuts each row).
    /// </summary>
    public IReadOnlyList<LogLikelihoodRequest> SequenceFitted(LogLikelihoodRequest request, int contextLength)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Truncation.Sequence is null)
        {
            return [request];
        }

        var tokens = request.Tokenized ?? throw new ArgumentException("a whole-sequence rule needs the request's token ids (TokenizedRequestOf)", nameof(request));
        var limits = tokens.Continuations.Select(c => Truncation.ContextLimitFor(c.Count, contextLength)!.Value).ToArray();
        if (limits.Length == 0 || tokens.Context.Count <= limits.Min())
        {
            return [request];
        }

        if (limits.All(l => l == limits[0]))
        {
            return [request with { MaxContextTokens = Math.Min(request.MaxContextTokens ?? int.MaxValue, limits[0]) }];
        }

        return [.. limits.Select((limit, j) => request with
        {
            Continuations = [request.Continuations[j]],
            MaxContextTokens = Math.Min(request.MaxContextTokens ?? int.MaxValue, limit),
            Tokenized = tokens with { Continuations = [tokens.Continuations[j]] },
        })];
    }

    // The backend dropped tokens from a prompt the rule keeps whole (length ≤ threshold, cut to exactly MaxContextTokens):
    // ask again with the threshold as the limit, which keeps such a prompt whole.
    private void RescoreKeptWhole(ILanguageModel model, LogLikelihoodRequest[] requests, LogLikelihoodResult[] results, CancellationToken cancellationToken)
    {
        if (Truncation is not { MaxContextTokens: { } keep, LongerThan: { } threshold })
        {
            return;
        }

        var again = Enumerable.Range(0, results.Length)
            .Where(i => results[i].TruncatedTokenCount > 0
                && results[i].ContextTokenCount == keep
                && Truncation.Dropped(results[i].ContextTokenCount + results[i].TruncatedTokenCount) == 0)
            .ToArray();
        if (again.Length == 0)
        {
            return;
        }

        var rescored = model.Score(again.Select(i => requests[i] with { MaxContextTokens = threshold }).ToArray(), cancellationToken);
        for (var j = 0; j < again.Length; j++)
        {
            results[again[j]] = rescored[j];
        }
    }
}
