using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace Qwen3EvalTests.Cli.Tests.Gating;

/// <summary>
/// <c>gate summary</c> on the untrimmed TRX of a real run of the tiny suite, against this repository's suites and
/// recordings (not a fixture copy): every case of the TRX must be a row of the table with its recorded baseline. Running
/// `dotnet test` from inside a test would take a minute, so the TRX is the committed one (Fixture/README.md); `.ci/run`
/// renders the summary of its own full run every time.
/// </summary>
public sealed class TinySuiteTrxTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-gate-tiny-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EveryCaseOfTheRealTinySuiteTrxIsARowWithItsRecordedBaseline()
    {
        var trx = Path.Combine(RepositoryRoot.Path, "tests", "Qwen3EvalTests.Cli.Tests", "Gating", "Fixture", "tiny-suite-trx");
        var results = Directory.CreateDirectory(Path.Combine(_folder, "eval")).FullName;

        var run = await CliRun.RunAsync("gate", "summary", "--trx", trx, "--results", results, "--repo", RepositoryRoot.Path);

        run.ExitCode.Should().Be(0, run.Stderr);
        var names = XDocument.Load(Path.Combine(trx, "tiny-suite.trx"))
            .Descendants(XName.Get("UnitTestResult", "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"))
            .Select(e => e.Attribute("testName")!.Value)
            .ToList();
        names.Should().HaveCount(9);
        var rows = run.Stdout.Split('\n').Where(l => l.StartsWith("| tiny-", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(names.Count);
        foreach (var name in names)
        {
            // "tiny-planted-a · ceval · qwen · 5-shot(caseId: "tiny/tiny-planted-a/ceval")"
            var display = name[..name.IndexOf("(caseId: ", StringComparison.Ordinal)];
            var caseId = name[(name.IndexOf('"', StringComparison.Ordinal) + 1)..^2];
            using var recording = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.Baselines), "runs", caseId.Replace('/', Path.DirectorySeparatorChar) + ".json")));
            var baseline = recording.RootElement.GetProperty("accuracy").GetDouble() * 100;
            rows.Should().ContainSingle(r => r.StartsWith($"| {display} | passed | — | ", StringComparison.Ordinal))
                .Which.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"| {baseline:F2} % recorded | — | ±1.00 |"));
        }

        run.Stdout.Should().Contain("0 failed, 9 passed, 0 skipped of 9 tests in 1 TRX file (`tiny-suite.trx`).");
    }
}
