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

    [GeneratedRegex("<think>.*?</think>", RegexOptions.Singleline)]
    private static partial Regex ClosedBlock();
}
