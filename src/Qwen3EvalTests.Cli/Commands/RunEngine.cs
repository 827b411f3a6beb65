namespace Qwen3EvalTests.Cli.Commands;

/// <summary>Which engine <c>qwen3eval run</c> scores with: ONNX Runtime GenAI or llama.cpp in process, or a served OpenAI-compatible engine over HTTP.</summary>
public enum RunEngine
{
    GenAi,
    OpenAi,

    /// <summary>llama.cpp in process (LLamaSharp) on the model folder's model.gguf.</summary>
    LlamaCpp,
}

/// <summary>The ids of <see cref="RunEngine"/> on the command line (<c>--engine genai|openai</c>).</summary>
public static class RunEngines
{
    public const string Expected = "genai, llamacpp or openai";

    public static string ToId(this RunEngine engine) => engine switch
    {
        RunEngine.OpenAi => "openai",
        RunEngine.LlamaCpp => "llamacpp",
        _ => "genai",
    };

    public static bool TryParse(string? id, out RunEngine engine)
    {
        switch (id?.Trim().ToLowerInvariant())
        {
            case "genai":
                engine = RunEngine.GenAi;
                return true;
            case "openai":
                engine = RunEngine.OpenAi;
                return true;
            case "llamacpp":
                engine = RunEngine.LlamaCpp;
                return true;
            default:
                engine = default;
                return false;
        }
    }

    /// <exception cref="EvalInputException">Not an engine id.</exception>
    public static RunEngine Parse(string id) => TryParse(id, out var engine)
        ? engine
        : throw new EvalInputException($"'{id}' is not an engine; expected {Expected}.", field: "--engine");
}
