namespace Qwen3EvalTests.Models;

/// <summary>
/// The inference engine failed while answering a request (ONNX Runtime GenAI today; llama.cpp or HTTP later).
/// Raised at the backend seam so the run stops cleanly with one line naming the model folder, the question
/// (filled in by the evaluator through <see cref="WithQuestion"/>), the request's token count, the engine's own
/// message and what to check. Not bad user input: the CLI exits 1.
/// </summary>
public sealed class EngineFaultException : Exception
{
    public EngineFaultException(string modelFolder, string operation, int? requestTokens, string engineMessage, string check, Exception? inner = null)
        : base(engineMessage, inner)
    {
        ModelFolder = modelFolder;
        Operation = operation;
        RequestTokens = requestTokens;
        EngineMessage = engineMessage;
        Check = check;
    }

    /// <summary>The model folder the engine was running.</summary>
    public string ModelFolder { get; }

    /// <summary>What the backend asked of the engine: "scoring", "generation", "tokenizing", "chat template".</summary>
    public string Operation { get; }

    /// <summary>Tokens the engine held for the failing call (KV cache plus appended), when known.</summary>
    public int? RequestTokens { get; }

    /// <summary>The engine's own message, on one line.</summary>
    public string EngineMessage { get; }

    /// <summary>What to check, e.g. the context length against the prompt's tokens.</summary>
    public string Check { get; }

    /// <summary>The question being answered, e.g. "mmlu/abstract_algebra #16"; set by the evaluator, which knows it.</summary>
    public string? Question { get; init; }

    public override string Message
    {
        get
        {
            var question = Question is null ? "" : $" on {Question}";
            var tokens = RequestTokens is { } count ? $", request of {count} tokens" : "";
            return $"the engine failed during {Operation}{question} (model {ModelFolder}{tokens}): {OneLine(EngineMessage)}; check {Check}";
        }
    }

    /// <summary>The same fault with the question it happened on.</summary>
    public EngineFaultException WithQuestion(string question) =>
        new(ModelFolder, Operation, RequestTokens, EngineMessage, Check, InnerException) { Question = question };

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
}
