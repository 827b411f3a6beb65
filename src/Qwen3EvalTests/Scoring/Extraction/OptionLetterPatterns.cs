using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// Regex templates over a question's answer letters, as OpenCompass formats its patterns with <c>options</c>
/// (<c>f'答案是?\s*([{options}])'</c>): <c>{letters}</c> becomes the letters as a character-class body ("ABCD"),
/// <c>{alternatives}</c> the letters as alternatives ("A|B|C|D"). With A–D the patterns are the upstream texts exactly;
/// a five-option benchmark gets A–E. Compiled once per letter set.
/// </summary>
internal sealed class OptionLetterPatterns(IReadOnlyList<string> templates, RegexOptions options)
{
    private readonly ConcurrentDictionary<string, Regex[]> compiled = new(StringComparer.Ordinal);

    /// <summary>The pattern texts for these letters, in the order tried.</summary>
    public IReadOnlyList<string> TextsFor(IReadOnlyList<char> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var joined = OptionLetters.Joined(letters);
        var alternatives = string.Join('|', letters);
        return [.. templates.Select(t => t.Replace("{letters}", joined, StringComparison.Ordinal).Replace("{alternatives}", alternatives, StringComparison.Ordinal))];
    }

    /// <summary>The compiled patterns for these letters (cached).</summary>
    public Regex[] For(IReadOnlyList<char> letters) => compiled.GetOrAdd(
        OptionLetters.Joined(letters),
        _ => [.. TextsFor(letters).Select(t => new Regex(t, options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))]);
}
