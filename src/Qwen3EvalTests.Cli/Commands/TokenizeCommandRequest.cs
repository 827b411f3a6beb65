namespace Qwen3EvalTests.Cli.Commands;

/// <summary>The options of <c>qwen3eval tokenize</c>, typed once: a text, or a question of a benchmark's scored split.</summary>
/// <param name="ModelFolder">The GenAI model folder whose tokenizer encodes.</param>
/// <param name="Text">The text to tokenize; null: a question.</param>
/// <param name="Benchmark">The benchmark id.</param>
/// <param name="Subject">The subject id.</param>
/// <param name="Protocol">The protocol name.</param>
/// <param name="Index">0-based index in the scored split; null: 0.</param>
/// <param name="Shots">Shots; null: the protocol's default.</param>
/// <param name="Chat">Chat form.</param>
/// <param name="DataDirectory">The data folder; null: the sample data set.</param>
public sealed record TokenizeCommandRequest(
    string ModelFolder,
    string? Text,
    string? Benchmark = null,
    string? Subject = null,
    string? Protocol = null,
    int? Index = null,
    int? Shots = null,
    bool Chat = false,
    string? DataDirectory = null);
