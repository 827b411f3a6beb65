using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.LlamaCpp;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// The engines <c>qwen3eval bench --engines</c> runs besides GenAI (which is always among them: its runs give the
/// minimum token count and the answers every other engine is checked against), in the order named, with what they need:
/// the external server of openai, the llama-server binary.
/// </summary>
/// <param name="Others">llamacpp, llama-server and openai, as named.</param>
/// <param name="Endpoint">The openai engine's server (--endpoint); null without openai.</param>
/// <param name="LlamaServerBinary">The llama-server binary the llama-server runs start.</param>
public sealed record BenchEngineSelection(IReadOnlyList<EngineKind> Others, Uri? Endpoint, string LlamaServerBinary)
{
    private const string CommandLine = "qwen3eval bench";

    /// <summary>
    /// Reads --engines and --endpoint, and checks what the engines need before anything loads: model.gguf for llamacpp and
    /// llama-server, the llama-server binary at <paramref name="llamaServerBinary"/>, --endpoint exactly when openai is named.
    /// </summary>
    /// <exception cref="EvalInputException">Every problem found, together, each naming the option or file and the fix.</exception>
    public static BenchEngineSelection Parse(string engines, string? endpoint, string modelFolder, string llamaServerBinary)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(modelFolder);
        var problems = new InputProblemList(CommandLine);
        var named = EngineKinds.ParseList(engines, problems);

        if (!named.Contains(EngineKind.GenAi) && problems.Count == 0)
        {
            problems.Add("--engines", $"'{engines}' leaves out genai; the bench always runs genai (its runs give minimumTokens and the answers the other engines are checked against): e.g. --engines genai,llamacpp.");
        }

        var gguf = Path.Combine(Path.GetFullPath(modelFolder), LlamaCppLanguageModel.GgufFileName);
        foreach (var engine in named.Where(e => e is EngineKind.LlamaCpp or EngineKind.LlamaServer))
        {
            if (!File.Exists(gguf))
            {
                problems.Add(new InputProblem(gguf, null, "--model", $"{engine.ToId()} in --engines reads {LlamaCppLanguageModel.GgufFileName} from the model folder, and there is none: convert the checkpoint with llama.cpp's convert_hf_to_gguf.py --outtype f32 into {gguf}, generate an unplanted model with 'qwen3eval tiny-model' (it writes one), or leave {engine.ToId()} out of --engines."));
            }
        }

        if (named.Contains(EngineKind.LlamaServer) && !File.Exists(llamaServerBinary))
        {
            problems.Add(new InputProblem(llamaServerBinary, null, "--engines", $"llama-server in --engines starts llama.cpp's llama-server, and there is no binary at {llamaServerBinary}: build it with 'bash eng/llama-server.sh' (its last line is the path), set QWEN3EVAL_LLAMA_SERVER to an existing binary, or leave llama-server out of --engines."));
        }

        var url = EndpointOption.Check(endpoint, named.Contains(EngineKind.OpenAi), problems);
        problems.ThrowIfAny("the options");
        return new BenchEngineSelection([.. named.Where(e => e != EngineKind.GenAi)], url, llamaServerBinary);
    }
}
