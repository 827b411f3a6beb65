using System.Text;

namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>Renders a <see cref="ReportDocument"/> as Markdown; plots are referenced as files in plots/.</summary>
public static class MarkdownReport
{
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new StringBuilder();
        md.Append("# ").Append(document.Title).Append("\n\n");
        foreach (var line in document.Intro)
        {
            md.Append(line).Append("\n\n");
        }

        foreach (var section in document.Sections)
        {
            md.Append("## ").Append(section.Heading).Append("\n\n");
            foreach (var paragraph in section.Paragraphs)
            {
                md.Append(paragraph).Append("\n\n");
            }

            foreach (var table in section.Tables)
            {
                md.Append("| ").Append(string.Join(" | ", table.Headers.Select(Cell))).Append(" |\n");
                md.Append('|').Append(string.Concat(table.Headers.Select(_ => " --- |"))).Append('\n');
                foreach (var row in table.Rows)
                {
                    md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                }

                md.Append('\n');
            }

            foreach (var image in section.Images)
            {
                md.Append("![").Append(image.Alt).Append("](plots/").Append(image.FileName).Append(")\n\n");
            }
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
