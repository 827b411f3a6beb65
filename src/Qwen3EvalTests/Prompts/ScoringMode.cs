namespace Qwen3EvalTests.Prompts;

/// <summary>How a rendered prompt is turned into a predicted answer.</summary>
public enum ScoringMode
{
    /// <summary>One forward pass; argmax over the next-token logits of the answer tokens (Qwen's scripts).</summary>
    NextTokenChoice,

    /// <summary>Summed log-likelihood of each continuation given the context (lm-evaluation-harness).</summary>
    ContinuationLogLikelihood,

    /// <summary>Average token loss over the whole sequence context + continuation; lowest wins (OpenCompass ppl).</summary>
    SequencePerplexity,

    /// <summary>Greedy generation, then an answer extractor reads the letter out of the text.</summary>
    GenerateAndExtract,
}
