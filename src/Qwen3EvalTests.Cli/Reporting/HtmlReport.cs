using System.Net;
using System.Text;

namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>Renders a <see cref="ReportDocument"/> as one self-contained HTML page: plots are embedded as base64 PNG data URIs.</summary>
public static class HtmlReport
{
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(document.Title)).Append("</title>\n");
        html.Append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;margin:1em 0;font-size:.85em}")
            .Append("th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left}th{background:#f4f4f4}img{max-width:100%;border:1px solid #eee}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(document.Title)).Append("</h1>\n");
        foreach (var line in document.Intro)
        {
            html.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        foreach (var section in document.Sections)
        {
            html.Append("<h2>").Append(E(section.Heading)).Append("</h2>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
            }

            foreach (var table in section.Tables)
            {
                html.Append("<table>\n<tr>").Append(string.Concat(table.Headers.Select(h => $"<th>{E(h)}</th>"))).Append("</tr>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>\n");
                }

                html.Append("</table>\n");
            }

            foreach (var image in section.Images)
            {
                html.Append("<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(image.Png)).Append("\" alt=\"").Append(E(image.Alt)).Append("\">\n");
            }
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
