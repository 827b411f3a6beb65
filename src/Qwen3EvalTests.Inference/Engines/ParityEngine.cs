namespace Qwen3EvalTests.Inference.Engines;

/// <summary>An engine an engine-parity run can use.</summary>
public enum ParityEngine
{
    /// <summary>ONNX Runtime GenAI in process on model.onnx.</summary>
    GenAi,

    /// <summary>llama.cpp in process (LLamaSharp) on model.gguf.</summary>
    LlamaCpp,

    /// <summary>A served OpenAI-compatible engine at --endpoint (vLLM, SGLang, a running llama-server).</summary>
    OpenAi,

    /// <summary>eng/llama-server.sh's llama-server, started on 127.0.0.1 with model.gguf for the run and stopped afterwards, used as openai.</summary>
    LlamaServer,
}

/// <summary>The ids of <see cref="ParityEngine"/> on the command line: genai, llamacpp, openai, llama-server.</summary>
public static class ParityEngines
{
    public const string Expected = "genai, llamacpp, openai or llama-server";

    public static string ToId(this ParityEngine engine) => engine switch
    {
        ParityEngine.GenAi => "genai",
        ParityEngine.LlamaCpp => "llamacpp",
        ParityEngine.OpenAi => "openai",
        ParityEngine.LlamaServer => "llama-server",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown engine."),
    };

    public static bool TryParse(string? id, out ParityEngine engine)
    {
        foreach (var candidate in Enum.GetValues<ParityEngine>())
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

    /// <summary>
    /// The engines a comma-separated --engines value names, in order; an unknown or repeated name is added to
    /// <paramref name="problems"/> (the value's other names are still read, so every problem is reported at once).
    /// </summary>
    public static List<ParityEngine> ParseList(string text, InputProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var engines = new List<ParityEngine>();
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
