using System.Text;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>Broken benchmark data through <c>qwen3eval run</c>: exit 2 naming file, line and field; no results file is left.</summary>
public sealed class BadDataTests : IDisposable
{
    private const string Row = "What is 1 + 1?,1,2,3,4,B\n";
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task InvalidUtf8NamesTheFileAndLine()
    {
        var (data, file) = WithTestFile(Encoding.UTF8.GetBytes(Row).Concat(new byte[] { 0x51, 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(",a,b,c,d,A\n")).ToArray());

        var run = await Run(data);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, $"{file}:2", "not valid UTF-8", "save it as UTF-8");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
    }

    [Fact]
    public async Task AnUnclosedQuoteNamesTheFileAndTheLineTheRecordStarts()
    {
        var (data, file) = WithTestFile(Encoding.UTF8.GetBytes(Row + "\"What is never closed,1,2,3,4,B\n" + Row));

        var run = await Run(data);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, $"{file}:2", "a quoted field is never closed");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
    }

    [Fact]
    public async Task AWrongColumnCountNamesTheFileLineAndField()
    {
        var (data, file) = WithTestFile(Encoding.UTF8.GetBytes("What is 1 + 1?,1,2,3,B\n"));

        var run = await Run(data);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, $"{file}:1", "field 'columns'", "expected 6 columns", "found 5");
    }

    /// <summary>
    /// The bad answer sits in the last subject, after two good ones: the plan validator reads every row the run will
    /// score before the model loads, so the run stops at once: exit 2, no results file, no cache opened.
    /// </summary>
    [Fact]
    public async Task AnAnswerOutsideAToDStopsTheRunBeforeAnyQuestionIsScored()
    {
        var data = _scratch.CopyOfSampleData("data");
        var file = Path.Combine(data, "mmlu", "test", "us_foreign_policy_test.csv");
        File.WriteAllText(file, "Which treaty?,a,b,c,d,E\n");
        var cache = _scratch["cache.sqlite"];

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--data", data, "--out", _scratch["out"], "--cache", cache);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, $"{file}:1", "field 'answer'", "found 'E'", "(nothing was run)");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
        File.Exists(cache).Should().BeFalse("the run stops before the model and its cache are opened");
    }

    [Fact]
    public async Task ADataFolderMissingItsDevFileFailsBeforeTheModelLoads()
    {
        var data = _scratch.CopyOfSampleData("data");
        var dev = Path.Combine(data, "mmlu", "dev", "abstract_algebra_dev.csv");
        File.Delete(dev);

        var run = await Run(data);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, dev, "has no dev file", "(nothing was run)");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
    }

    [Fact]
    public async Task ARunOverThreeBenchmarksWithOneBrokenDataFolderFailsBeforeTheModelLoads()
    {
        var data = _scratch.CopyOfSampleData("data");
        var dev = Directory.GetFiles(Path.Combine(data, "ceval", "dev")).Order(StringComparer.Ordinal).First();
        File.Delete(dev);

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--limit", "1", "--data", data, "--out", _scratch["out"], "--no-cache");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, dev, "has no dev file", "(nothing was run)");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty("no benchmark runs when one of the plan's data folders is broken");
    }

    private (string Data, string File) WithTestFile(byte[] content)
    {
        var data = _scratch.CopyOfSampleData("data");
        var file = Path.Combine(data, "mmlu", "test", "abstract_algebra_test.csv");
        File.WriteAllBytes(file, content);
        return (data, file);
    }

    private Task<CliRun> Run(string data) =>
        CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "5", "--data", data, "--out", _scratch["out"], "--no-cache");
}
