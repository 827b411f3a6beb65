using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Served;

public sealed partial class ServedLanguageModel
{
    /// <summary>The most <c>n_probs</c> asked of llama.cpp by default: the whole vocabulary of a small model, a bounded answer for a large one.</summary>
    internal const int DefaultTopLogProbsCap = 1000;

    /// <summary>Two logprobs of one computation count as equal within this (the greedy check).</summary>
    private const double GreedyTolerance = 1e-6;

    public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (Dialect == ServedDialect.LlamaCpp && requests.FirstOrDefault(r => r.IncludeContextLogProb) is { } perplexity)
        {
            throw new EvalInputException(
                $"the llama.cpp server at {http.Endpoint} cannot return prompt log-likelihoods (it ignores echo), which whole-sequence perplexity scoring needs; score this protocol with --engine genai or a vLLM/SGLang server.",
                field: "--engine");
        }

        return Sync(async () =>
        {
            var results = new LogLikelihoodResult[requests.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, requests.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Concurrency), CancellationToken = cancellationToken },
                async (i, token) => results[i] = await ScoreOneAsync(requests[i], token).ConfigureAwait(false)).ConfigureAwait(false);
            return (IReadOnlyList<LogLikelihoodResult>)results;
        });
    }

    private async Task<LogLikelihoodResult> ScoreOneAsync(LogLikelihoodRequest request, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref prefilledTokens, prepared.Context.Count + prepared.Continuations.Sum(c => c.Count));
        return Dialect == ServedDialect.LlamaCpp
            ? await ScoreByNextTokenAsync(prepared, cancellationToken).ConfigureAwait(false)
            : await ScoreByEchoAsync(prepared, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tokenizes as the request's protocol does (<see cref="RequestTokenizer"/>, unless the caller did) and left-truncates the
    /// context as the GenAI backend does: at most MaxContextTokens, and room for the longest continuation (plus the one token
    /// the server generates).
    /// </summary>
    private async Task<PreparedRequest> PrepareAsync(LogLikelihoodRequest request, CancellationToken cancellationToken)
    {
        var tokens = request.Tokenized ?? await RequestTokenizer.TokenizeAsync(request, EncodeAsync, cancellationToken).ConfigureAwait(false);

        // The server also generates one token after each prompt (max_tokens/n_predict 1), so it needs one position more than in
        // process; an empty context is refused: the first continuation token would have nothing to be predicted from.
        var kept = tokens.FittedTo(request.MaxContextTokens, Info.ContextLength - 1, emptyContext: null,
            $"the served model's context length {Info.ContextLength}", file: null, "--served-model");
        return new PreparedRequest(kept.Context, kept.Continuations, kept.TruncatedTokens, request.IncludeContextLogProb);
    }

    /// <summary>
    /// vLLM/SGLang (lm-eval local-completions): one request per question with every <c>context + continuation</c> as a token-id
    /// prompt, echoed with logprobs; a continuation's log-likelihood is the sum of <c>token_logprobs[ctxlen : len(prompt)]</c>,
    /// greedy when each equals the largest of its position's top logprobs.
    /// </summary>
    private async Task<LogLikelihoodResult> ScoreByEchoAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        var prompts = request.Continuations.Select(c => (IReadOnlyList<int>)[.. request.Context, .. c]).ToArray();
        var tokens = prompts.Sum(p => p.Count);
        var response = await http.PostAsync("v1/completions", ServedWireMapping.Score(ServedModel, prompts), ServedJsonContext.Default.CompletionsScoreRequest, ServedJsonContext.Default.CompletionsResponse, "scoring", tokens, cancellationToken).ConfigureAwait(false);
        var choices = (response.Choices ?? []).OrderBy(c => c.Index).ToArray();
        if (choices.Length != prompts.Length)
        {
            throw new EngineFaultException(http.Endpoint + "/v1/completions", "scoring", tokens, $"the server answered {choices.Length} choices for {prompts.Length} prompts", "that the server accepts a list of token-id prompts in one /v1/completions request");
        }

        var ctxlen = request.Context.Count;
        var scores = new ContinuationScore[prompts.Length];
        double? contextLogProb = null;
        for (var p = 0; p < prompts.Length; p++)
        {
            var logprobs = choices[p].Logprobs?.TokenLogprobs ?? [];
            if (logprobs.Count < prompts[p].Count)
            {
                throw new EngineFaultException(
                    http.Endpoint + "/v1/completions",
                    "scoring",
                    prompts[p].Count,
                    $"the server answered {logprobs.Count} token logprobs for a {prompts[p].Count}-token prompt: it ignored echo (llama.cpp's llama-server does), so the prompt's log-likelihood is not in the answer and nothing was scored",
                    "the engine: vLLM and SGLang echo prompt logprobs on /v1/completions; a llama.cpp server is scored through its /completion endpoint, which this backend uses when /props names a llama.cpp build");
            }

            var top = choices[p].Logprobs?.TopLogprobs;
            var sum = 0.0;
            var greedy = true;
            for (var i = ctxlen; i < prompts[p].Count; i++)
            {
                var value = logprobs[i] ?? throw new EngineFaultException(http.Endpoint + "/v1/completions", "scoring", prompts[p].Count, $"the logprob of prompt token {i} is null", "the server's echo support");
                sum += value;
                greedy &= top is not null && i < top.Count && top[i] is { Count: > 0 } best && value >= best.Values.Max() - GreedyTolerance;
            }

            scores[p] = new ContinuationScore(sum, prompts[p].Count - ctxlen, greedy);
            if (request.IncludeContextLogProb && contextLogProb is null)
            {
                contextLogProb = Enumerable.Range(1, ctxlen - 1).Sum(i => logprobs[i] ?? 0);
            }
        }

        return new LogLikelihoodResult(scores, ctxlen, request.TruncatedTokens, contextLogProb);
    }

    /// <summary>
    /// llama.cpp: one <c>/completion</c> per distinct scored position (a question's next-token choice is one request), reading the
    /// top <c>n_probs</c> log-softmax of the next position; a continuation token outside them cannot be scored and fails loudly.
    /// </summary>
    private async Task<LogLikelihoodResult> ScoreByNextTokenAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        var topLogProbs = Options.TopLogProbs ?? (vocabSize > 0 ? Math.Min(vocabSize, DefaultTopLogProbsCap) : DefaultTopLogProbsCap);
        var positions = new Dictionary<string, Task<IReadOnlyList<LlamaTopLogprob>>>(StringComparer.Ordinal);
        Task<IReadOnlyList<LlamaTopLogprob>> Position(IReadOnlyList<int> continuation, int length)
        {
            var key = string.Join(',', continuation.Take(length));
            if (!positions.TryGetValue(key, out var task))
            {
                task = NextTokenTopAsync([.. request.Context, .. continuation.Take(length)], topLogProbs, cancellationToken);
                positions[key] = task;
            }

            return task;
        }

        var scores = new ContinuationScore[request.Continuations.Count];
        for (var c = 0; c < request.Continuations.Count; c++)
        {
            var continuation = request.Continuations[c];
            var sum = 0.0;
            var greedy = true;
            for (var j = 0; j < continuation.Count; j++)
            {
                var top = await Position(continuation, j).ConfigureAwait(false);
                var entry = top.FirstOrDefault(t => t.Id == continuation[j]) ?? throw new EngineFaultException(
                    http.Endpoint + "/completion",
                    "scoring",
                    request.Context.Count + j,
                    $"token {continuation[j]} is not among the server's top {top.Count} next tokens, so its log-likelihood is not in the answer",
                    $"the top log-probabilities asked for (n_probs {topLogProbs}; ServedEngineOptions.TopLogProbs up to the vocabulary size {vocabSize})");
                sum += entry.Logprob;
                greedy &= entry.Logprob >= top.Max(t => t.Logprob) - GreedyTolerance;
            }

            scores[c] = new ContinuationScore(sum, continuation.Count, greedy);
        }

        return new LogLikelihoodResult(scores, request.Context.Count, request.TruncatedTokens, null);
    }

    private async Task<IReadOnlyList<LlamaTopLogprob>> NextTokenTopAsync(IReadOnlyList<int> prompt, int topLogProbs, CancellationToken cancellationToken)
    {
        var wholeCharacter = await EncodeAsync("A", cancellationToken).ConfigureAwait(false);
        var response = await http.PostAsync("completion", ServedWireMapping.NextToken(prompt, topLogProbs, wholeCharacter is [var token] ? token : null), ServedJsonContext.Default.LlamaScoreRequest, ServedJsonContext.Default.LlamaCompletionResponse, "scoring", prompt.Count, cancellationToken).ConfigureAwait(false);
        return response.CompletionProbabilities is [{ TopLogprobs: { Count: > 0 } top }, ..]
            ? top
            : throw new EngineFaultException(http.Endpoint + "/completion", "scoring", prompt.Count, "the answer has no completion_probabilities[0].top_logprobs", "that the server is llama.cpp's llama-server and honours n_probs");
    }

    private sealed record PreparedRequest(IReadOnlyList<int> Context, IReadOnlyList<IReadOnlyList<int>> Continuations, int TruncatedTokens, bool IncludeContextLogProb);
}
