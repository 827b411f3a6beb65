using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Cli.Reporting;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Tests.Commands;

[Collection(TinyRunsCollection.Name)]
public sealed class ReportCommandTests(TinyRunOutputs outputs) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-report-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string[] Repeats, string Sensitivity) ProduceInputs()
    {
        outputs.Run.ExitCode.Should().Be(0, outputs.Run.Stderr);
        outputs.Sensitivity.ExitCode.Should().Be(0, outputs.Sensitivity.Stderr);
        return ([.. outputs.RepeatFiles], outputs.SensitivityFile);
    }

    [Fact]
    public async Task WritesMarkdownAndASelfContainedHtmlWithEmbeddedPlots()
    {
        var (repeats, sensitivity) = ProduceInputs();
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
    public void DrawsTheOfficialBaselineWhenTheModelIsACatalogModel()
    {
        var (repeats, _) = ProduceInputs();
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
