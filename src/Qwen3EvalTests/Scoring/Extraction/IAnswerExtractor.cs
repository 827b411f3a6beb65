namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>Reads the chosen option letter out of a generated answer. Unparsable text gives null, never an exception.</summary>
public interface IAnswerExtractor
{
    string Name { get; }

    /// <param name="output">The generated text.</param>
    /// <param name="options">The four option texts (for fuzzy matching), in letter order.</param>
    char? Extract(string output, IReadOnlyList<string> options);
}
