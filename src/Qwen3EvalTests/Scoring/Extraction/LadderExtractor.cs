namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// Tries each rule in order on the text (think blocks stripped first); the first rule that matches
/// gives the letter. Optionally falls back to the option whose text best matches the output.
/// </summary>
/// <param name="Name">The extractor's name.</param>
/// <param name="Rules">The ladder, strongest first.</param>
/// <param name="FuzzyMatchOptions">When no rule matches, pick the option text most similar to the output.</param>
public sealed record LadderExtractor(string Name, IReadOnlyList<ExtractionRule> Rules, bool FuzzyMatchOptions) : IAnswerExtractor
{
    public char? Extract(string output, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = ThinkBlocks.Strip(output);
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var rule in Rules)
        {
            if (rule.Match(text) is { } letter)
            {
                return letter;
            }
        }

        return FuzzyMatchOptions ? OptionSimilarity.BestMatch(text, options) : null;
    }
}
