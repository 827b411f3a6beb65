namespace Qwen3EvalTests.Models;

/// <summary>
/// A model folder's tokenizer and chat template, as a component an engine takes: llama.cpp and the served engines tokenize
/// and render through the same one the GenAI engine uses (<c>EngineCatalog</c> hands it to them), so every engine scores the
/// same token ids of the same text.
/// </summary>
public interface IModelTokenizer : IDisposable
{
    /// <summary>The folder's model: name, folder, kind, context length, vocabulary, whether it has a chat template.</summary>
    ModelInfo Info { get; }

    /// <summary>Token ids of <paramref name="text"/> (no special tokens added).</summary>
    IReadOnlyList<int> Encode(string text);

    /// <summary>The text of <paramref name="tokens"/>.</summary>
    string Decode(IReadOnlyList<int> tokens);

    /// <summary>Renders chat messages with the folder's chat template and its <paramref name="arguments"/> (null: none).</summary>
    /// <exception cref="EvalInputException">The folder has no chat template.</exception>
    string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments? arguments = null);
}
