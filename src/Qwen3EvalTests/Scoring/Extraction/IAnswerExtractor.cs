using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>Reads the chosen option letter out of a generated answer. Unparsable text gives null, never an exception.</summary>
public interface IAnswerExtractor
{
    string Name { get; }

    /// <param name="output">The generated text.</param>
    /// <param name="question">The question as the protocol rendered it (its text and option texts feed the Qwen scripts' pre-processing and fuzzy match).</param>
    /// <returns>The letter the reference would record — not necessarily one of A–D (<see cref="FirstCapitalExtractor"/> returns any capital); null when it records nothing.</returns>
    char? Extract(string output, Question question);
}
