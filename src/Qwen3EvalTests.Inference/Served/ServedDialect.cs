namespace Qwen3EvalTests.Inference.Served;

/// <summary>Which wire format a server speaks for scoring, detected once at connect.</summary>
public enum ServedDialect
{
    /// <summary>vLLM, SGLang and other servers whose <c>/v1/completions</c> echoes prompt logprobs (<c>echo: true</c>).</summary>
    OpenAiCompletions,

    /// <summary>llama.cpp's llama-server: <c>/v1/completions</c> ignores <c>echo</c>, so scoring reads the top
    /// <c>n_probs</c> of the next position from its native <c>/completion</c>, one request per scored position.</summary>
    LlamaCpp,
}

/// <summary>The ids of <see cref="ServedDialect"/> as manifests record them.</summary>
public static class ServedDialects
{
    public static string ToId(this ServedDialect dialect) => dialect == ServedDialect.LlamaCpp ? "llama.cpp" : "openai-completions";
}
