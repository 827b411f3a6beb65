using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.LlamaCpp;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Engines;

/// <summary>
/// The one place an engine is opened: <c>run</c>, <c>engines compare</c>, <c>bench</c> and the gate's suite cases all open their
/// models here, so the same <see cref="EngineSpec"/> gives the same engine description and model identity (and so the same run
/// identity) whichever of them runs it. Every engine comes back inside a <see cref="CheckedLanguageModel"/>: its scores are
/// checked (<see cref="EngineAnswerCheck"/>) before a cache or a scorer sees them.
/// </summary>
public static class EngineCatalog
{
    /// <summary>Loads, connects to or starts the engine <paramref name="spec"/> names, its answers checked.</summary>
    /// <exception cref="EvalInputException">The folder, GGUF, binary or endpoint the engine needs is missing or unusable.</exception>
    public static CheckedLanguageModel Open(EngineSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new CheckedLanguageModel(OpenEngine(spec, cancellationToken));
    }

    private static ILanguageModel OpenEngine(EngineSpec spec, CancellationToken cancellationToken)
    {
        return spec.Engine switch
        {
            EngineKind.GenAi => GenAiLanguageModel.Load(FolderOf(spec), new GenAiModelOptions(spec.Device, spec.BatchSize, spec.DeclaredKind)),
            EngineKind.LlamaCpp => LlamaCppLanguageModel.Load(FolderOf(spec), folder => Tokenizer(folder, spec)),
            EngineKind.OpenAi => Connect(spec, spec.Endpoint ?? throw new EvalInputException("the openai engine needs the server's URL: pass --endpoint, e.g. http://127.0.0.1:8000.", field: "--endpoint"), cancellationToken),
            EngineKind.LlamaServer => StartedLlamaServerModel.Start(
                spec.LlamaServerBinary ?? LlamaServerProcess.BinaryPath,
                LlamaCppLanguageModel.GgufPathOf(FolderOf(spec)),
                spec.LlamaServerSlots,
                spec.LlamaServerContextPerSlot,
                endpoint => Connect(spec, endpoint, cancellationToken)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Engine, "Unknown engine."),
        };
    }

    /// <summary>The generation settings <paramref name="engine"/> honours, known before it is opened (plans are checked against it first).</summary>
    public static GenerationSupport GenerationOf(EngineKind engine) => engine switch
    {
        EngineKind.GenAi => GenerationSupport.GenAi,
        EngineKind.LlamaCpp => LlamaCppLanguageModel.Supported,
        _ => GenerationSupport.Served,
    };

    /// <summary>
    /// A served engine, tokenized by the spec's model folder when it has one (checked against the server's /tokenize at connect),
    /// else by the server.
    /// </summary>
    private static ServedLanguageModel Connect(EngineSpec spec, Uri endpoint, CancellationToken cancellationToken)
    {
        var local = spec.ModelFolder is { } folder ? Tokenizer(folder, spec) : null;
        return ServedLanguageModel.Connect(
            spec.ServedOptions(endpoint),
            local,
            spec.DeclaredKind,
            ownsLocalTokenizer: true,
            cancellationToken: cancellationToken);
    }

    /// <summary>The folder's tokenizer and chat template, the one every engine tokenizes with: GenAI's, on the spec's device at batch 1.</summary>
    private static IModelTokenizer Tokenizer(string folder, EngineSpec spec) =>
        GenAiLanguageModel.Load(folder, new GenAiModelOptions(spec.Engine == EngineKind.LlamaCpp ? "cpu" : spec.Device, 1, spec.DeclaredKind));

    private static string FolderOf(EngineSpec spec) => spec.ModelFolder
        ?? throw new EvalInputException($"the {spec.Engine.ToId()} engine needs a model folder: pass --model DIR.", field: "--model");
}
