namespace Qwen3EvalTests.Models;

/// <summary>
/// What makes two loaded models give the same answers: for a model folder, the SHA-256 of every file in it (ONNX, external
/// data, genai_config.json, tokenizer files, chat template; <c>ModelFolderIdentity.Of</c>) and the execution provider.
/// </summary>
/// <param name="ModelHash">SHA-256 over the sorted "file name, file SHA-256" lines of the model folder.</param>
/// <param name="ExecutionProvider">"cpu" or "cuda": providers may differ in the last bits.</param>
public sealed record ModelIdentity(string ModelHash, string ExecutionProvider);
