using System.Text.RegularExpressions;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>Removes reasoning left in a generation: whole &lt;think&gt;…&lt;/think&gt; blocks, then anything up to a stray &lt;/think&gt;, then a lone unclosed &lt;think&gt; tail.</summary>
public static partial class ThinkBlocks
{
    public static string Strip(string output)
    {
        var text = ClosedBlock().Replace(output, string.Empty);
        var close = text.LastIndexOf("</think>", StringComparison.Ordinal);
        if (close >= 0)
        {
            text = text[(close + "</think>".Length)..];
        }

        var open = text.IndexOf("<think>", StringComparison.Ordinal);
        if (open >= 0)
        {
            text = text[..open];
        }

        return text.Trim();
    }

    /// <summary>
    /// <see cref="Strip"/> when the output carries a think tag, else the output untouched: the ported reference
    /// functions then see exactly the generated text (their anchors and whitespace classes depend on it), and a
    /// Qwen3 answer is read after its reasoning, as the Qwen3 report evaluates it.
    /// </summary>
    public static string StripIfPresent(string output) =>
        output.Contains("<think>", StringComparison.Ordinal) || output.Contains("</think>", StringComparison.Ordinal) ? Strip(output) : output;

    [GeneratedRegex("<think>.*?</think>", RegexOptions.Singleline)]
    private static partial Regex ClosedBlock();
}
