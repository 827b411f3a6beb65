using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary>
/// One plan, three callers: <c>qwen3eval run</c>, <c>qwen3eval engines compare</c> and a gate suite case all open GenAI through
/// the one engine catalogue, so their results record the same engine description and the same run identity, and the two
/// commands name the results file by the same scheme.
/// </summary>
public sealed class RunIdentityAcrossCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-identity-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunEnginesCompareAndASuiteCaseGiveTheSameIdentity()
    {
        var catalog = BaselineCatalog.Load(RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.OfficialBaselines));
        var suite = SuiteLoader.LoadAll(RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.Suites), catalog).Single(s => s.Name == "tiny");
        var suiteCase = suite.Cases.Single(c => c.Id == "tiny/tiny-bytes-seed1/mmlu");
        var sample = RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.SampleData);
        using var runner = new SuiteCaseRunner(new SuiteRunSettings(null, null, sample, Path.Combine(AppContext.BaseDirectory, "tiny-models"), Path.Combine(_folder, "gate")));
        var model = runner.ResolveModelFolder(suite, suiteCase);
        var limit = suiteCase.Limit!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var gate = runner.Run(suite, suiteCase, TestContext.Current.CancellationToken).Single();
        var run = await CliRun.RunAsync("run", "--model", model, "--benchmark", "mmlu", "--limit", limit, "--kind", "base", "--no-cache", "--out", Path.Combine(_folder, "run"));
        var compare = await CliRun.RunAsync("engines", "compare", "--model", model, "--engines", "genai,llamacpp", "--benchmark", "mmlu", "--limit", limit, "--kind", "base", "--out", Path.Combine(_folder, "compare"));

        run.ExitCode.Should().Be(0, run.Stderr);
        compare.ExitCode.Should().Be(0, compare.Stderr);
        var fileName = "mmlu-qwen-5shot.json";
        var fromRun = ResultsFile.Read(Path.Combine(_folder, "run", Path.GetFileName(model), fileName)).Run;
        var fromCompare = ResultsFile.Read(Path.Combine(_folder, "compare", "engines", "genai", fileName)).Run;
        var fromGate = ResultsFile.Read(gate.ResultsFile).Run;
        fromGate.Identity.Should().NotBeNullOrEmpty();
        fromRun.Environment.Engine.Should().Be(fromGate.Environment.Engine).And.StartWith("onnxruntime-genai ");
        fromCompare.Environment.Engine.Should().Be(fromGate.Environment.Engine, "engines compare no longer adds its own words to GenAI's description");
        fromRun.Identity.Should().Be(fromGate.Identity);
        fromCompare.Identity.Should().Be(fromGate.Identity);
        Path.GetFileName(gate.ResultsFile).Should().Be(ResultsFileNames.Of("mmlu", repeat: null), "a suite case's file is its id with the same repeat and extension rule");
    }
}
