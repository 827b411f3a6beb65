using System.CommandLine;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Cli.Reporting;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval report RUN… --out DIR</c>: report.md (plots in DIR/plots/) and a self-contained
/// report.html (plots embedded as PNG data URIs) from results files and sensitivity JSON.
/// </summary>
public static class ReportCommand
{
    public static Command Create(TextWriter stdout)
    {
        var files = new Argument<string[]>("RUN") { Description = "Results files of `qwen3eval run` and/or sensitivity JSON of `qwen3eval sensitivity`.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for report.md, report.html and plots/.", Required = true };
        var baselines = new Option<string?>("--baselines") { Description = "Baseline catalog. Default: baselines/official.json of the repository, when found, else the copy shipped with qwen3eval (extended by ./baselines/official.json)." };
        var command = new Command("report", "Write a Markdown and a self-contained HTML report with plots.") { files, output, baselines };
        command.SetAction(parse =>
        {
            var inputs = ReportInputs.Read(parse.GetValue(files)!);
            var document = ReportBuilder.Build(inputs, LoadCatalog(parse.GetValue(baselines)));
            var (markdown, html) = Write(document, parse.GetValue(output)!);
            stdout.WriteLine($"report: {markdown}");
            stdout.WriteLine($"report: {html}");
            return QwenEvalCli.ExitOk;
        });
        return command;
    }

    public static (string Markdown, string Html) Write(ReportDocument document, string folder)
    {
        ArgumentNullException.ThrowIfNull(document);
        var markdown = Path.Combine(folder, "report.md");
        var html = Path.Combine(folder, "report.html");
        try
        {
            var plots = Directory.CreateDirectory(Path.Combine(folder, "plots")).FullName;
            foreach (var image in document.Sections.SelectMany(s => s.Images))
            {
                File.WriteAllBytes(Path.Combine(plots, image.FileName), image.Png);
            }

            File.WriteAllText(markdown, MarkdownReport.Render(document));
            File.WriteAllText(html, HtmlReport.Render(document));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new EvalInputException($"cannot write the report here ({e.Message}): choose a writable folder with --out.", file: folder);
        }

        return (Path.GetFullPath(markdown), Path.GetFullPath(html));
    }

    private static BaselineCatalog? LoadCatalog(string? path) => BaselineCatalogLocation.Load(path, Directory.GetCurrentDirectory());
}
