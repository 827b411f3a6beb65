using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Cli.Reporting;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-report-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(string[] Repeats, string Sensitivity)> ProduceInputs()
    {
        var run = await CliRun.RunAsync("run", "--benchmark", "mmlu", "--limit", "1", "--repeats", "2", "--out", _folder);
        run.ExitCode.Should().Be(0, run.Stderr);
        var sensitivity = await CliRun.RunAsync("sensitivity", "--benchmark", "mmlu", "--limit", "1", "--factors", "average", "--out", _folder);
        sensitivity.ExitCode.Should().Be(0, sensitivity.Stderr);
        return (
            Directory.GetFiles(_folder, "mmlu-qwen-5shot-r*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray(),
            Directory.GetFiles(_folder, "mmlu-sensitivity.json", SearchOption.AllDirectories).Single());
    }

    [Fact]
    public async Task WritesMarkdownAndASelfContainedHtmlWithEmbeddedPlots()
    {
        var (repeats, sensitivity) = await ProduceInputs();
        var output = Path.Combine(_folder, "report");

        var report = await CliRun.RunAsync(["report", .. repeats, sensitivity, "--out", output]);

        report.ExitCode.Should().Be(0, report.Stderr);
        var markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        markdown.Should().Contain("| subject | category | questions | accuracy | 95% CI |").And.Contain("## Repeats").And.Contain("![accuracy per subject, run 1](plots/run1-subjects.png)");
        markdown.Should().Contain("| factor | setting | score | delta | 95% CI | note |");
        html.Should().Contain("<img src=\"data:image/png;base64,iVBORw0KGgo");
        html.Should().NotContain("src=\"plots/", "the page is self-contained");
        Directory.GetFiles(Path.Combine(output, "plots"), "*.png").Should().HaveCount(4, "two runs, the repeats' spread, the sensitivity bars");
    }

    [Fact]
    public async Task DrawsTheOfficialBaselineWhenTheModelIsACatalogModel()
    {
        var (repeats, _) = await ProduceInputs();
        var run = ResultsFile.Read(repeats[0]);
        var renamed = run with { Run = run.Run with { Model = "qwen2-1.5b-base" } };
        var catalog = BaselineCatalog.Load(Path.Combine(RepositoryRoot.Path, BaselineCatalog.RelativePath));

        var document = ReportBuilder.Build(new ReportInputs([(repeats[0], renamed)], []), catalog);

        var section = document.Sections.Single(s => s.Heading.StartsWith("Run 1", StringComparison.Ordinal));
        section.Paragraphs.Should().ContainSingle().Which.Should().StartWith("Official baseline qwen2-1.5b-base/mmlu");
        section.Images.Should().ContainSingle().Which.Png.Should().NotBeEmpty();
    }

    [Fact]
    public async Task AMissingInputIsABadInputError()
    {
        var report = await CliRun.RunAsync("report", Path.Combine(_folder, "nope.json"), "--out", _folder);

        report.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        report.Stderr.Should().Contain("nope.json").And.Contain("not found");
    }
}
