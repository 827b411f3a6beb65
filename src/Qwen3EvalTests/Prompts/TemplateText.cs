using System.Globalization;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>Fills the {0}/{h}/{q}/{o}/{a} placeholders of a protocol template (plain replacement, like OpenCompass's safe_format).</summary>
internal static class TemplateText
{
    public static string Subject(string template, string subject) =>
        template.Replace("{0}", subject, StringComparison.Ordinal);

    public static string Fill(string template, Question question, string? answer = null, string? hint = null)
    {
        // The answer and hint go in first and the question text last, so a '{' in data is never read as a placeholder.
        var text = template
            .Replace("{a}", answer ?? string.Empty, StringComparison.Ordinal)
            .Replace("{h}", hint ?? string.Empty, StringComparison.Ordinal);
        var q = text.IndexOf("{q}", StringComparison.Ordinal);
        var o = text.IndexOf("{o}", StringComparison.Ordinal);
        if (q < 0 && o < 0)
        {
            return text;
        }

        var options = OptionLines.Of(question);
        if (q < 0 || o < q)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"template must hold {{q}} before {{o}}: '{template}'"));
        }

        return text[..q] + question.Text + text[(q + 3)..o] + options + text[(o + 3)..];
    }
}
