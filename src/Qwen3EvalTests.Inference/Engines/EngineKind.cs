namespace Qwen3EvalTests.Inference.Engines;

/// <summary>An inference engine the harness can score with: every command and the gate name engines by these.</summary>
public enum EngineKind
{
    /// <summary>ONNX Runtime GenAI in process on model.onnx.</summary>
    GenAi,

    /// <summary>llama.cpp in process (LLamaSharp) on the model folder's model.gguf.</summary>
    LlamaCpp,

    /// <summary>A served OpenAI-compatible engine at an endpoint (vLLM, SGLang, a running llama-server).</summary>
    OpenAi,

    /// <summary>eng/llama-server.sh's llama-server, started on 127.0.0.1 with model.gguf for the run and stopped afterwards, used as openai.</summary>
    LlamaServer,
}

/// <summary>The one parser of engine names on the command line and in settings: genai, llamacpp, openai, llama-server.</summary>
public static class EngineKinds
{
    public const string Expected = "genai, llamacpp, openai or llama-server";

    public static string ToId(this EngineKind engine) => engine switch
    {
        EngineKind.GenAi => "genai",
        EngineKind.LlamaCpp => "llamacpp",
        EngineKind.OpenAi => "openai",
        EngineKind.LlamaServer => "llama-server",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown engine."),
    };

    /// <summary>Whether the engine is reached over HTTP (and so tokenizes and renders chat templates on the server).</summary>
    public static bool IsServed(this EngineKind engine) => engine is EngineKind.OpenAi or EngineKind.LlamaServer;

    public static bool TryParse(string? id, out EngineKind engine)
    {
        foreach (var candidate in Enum.GetValues<EngineKind>())
        {
            if (string.Equals(candidate.ToId(), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                engine = candidate;
                return true;
            }
        }

        engine = default;
        return false;
    }

    /// <exception cref="EvalInputException">Not an engine name; the message names <paramref name="option"/> and the expected names.</exception>
    public static EngineKind Parse(string id, string option = "--engine") => TryParse(id, out var engine)
        ? engine
        : throw new EvalInputException($"'{id}' is not an engine; expected {Expected}.", field: option);

    /// <summary>
    /// The engines a comma-separated --engines value names, in order; an unknown or repeated name is added to
    /// <paramref name="problems"/> (the value's other names are still read, so every problem is reported at once).
    /// </summary>
    public static List<EngineKind> ParseList(string text, InputProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var engines = new List<EngineKind>();
        foreach (var id in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(id, out var engine))
            {
                problems.Add("--engines", $"'{id}' is not an engine; expected {Expected}.");
            }
            else if (engines.Contains(engine))
            {
                problems.Add("--engines", $"{id} is named twice; name each engine once.");
            }
            else
            {
                engines.Add(engine);
            }
        }

        return engines;
    }
}
