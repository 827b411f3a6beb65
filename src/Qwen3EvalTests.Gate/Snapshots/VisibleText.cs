namespace Qwen3EvalTests.Gate.Snapshots;

/// <summary>
/// Splits text into lines for diffing and makes invisible characters visible: trailing spaces '·',
/// tabs '→', carriage returns '␍', and '⏎' where a line ends with '\n' (so a missing final newline shows).
/// </summary>
public static class VisibleText
{
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add(Show(text[start..], endsWithNewline: false));
                break;
            }

            lines.Add(Show(text[start..end], endsWithNewline: true));
            start = end + 1;
        }

        return lines;
    }

    private static string Show(string line, bool endsWithNewline)
    {
        var body = line.TrimEnd(' ');
        var visible = body + new string('·', line.Length - body.Length);
        visible = visible.Replace("\t", "→", StringComparison.Ordinal).Replace("\r", "␍", StringComparison.Ordinal);
        return endsWithNewline ? visible + "⏎" : visible;
    }
}
