using System.Text.Json;
using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli.Tests.Gating;

/// <summary>
/// The drift gate's failure as a reviewer sees it: the planted-letter mutation of the gate's own drift test
/// (tests/Qwen3EvalTests.Gate.Tests/DriftGateTests.cs — tiny-planted-a answering B instead of A) is run for real,
/// its results JSON goes where the gate writes it, the failed case goes into a TRX, and the summary of the
/// repository's suites and recordings must list every flipped question and McNemar's p.
/// </summary>
public sealed class GateDriftSummaryTests : IDisposable
{
    private const string CaseId = "tiny/tiny-planted-a/mmlu";

    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-gate-drift-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ThePlantedLetterMutationShowsAsAFailedCaseWithItsFlipsAndMcNemar()
    {
        var results = Path.Combine(_folder, "eval");
        var catalog = BaselineCatalog.Load(RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.OfficialBaselines));
        var suite = SuiteLoader.LoadAll(RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.Suites), catalog).Single(s => s.Name == "tiny");
        var suiteCase = suite.Cases.Single(c => c.Id == CaseId);
        var plantedB = suite with
        {
            Models = suite.Models.Select(m => m.Id == suiteCase.ModelId ? m with { Generated = m.Generated! with { PlantedAnswer = "B" } } : m).ToList(),
        };
        using (var runner = new SuiteCaseRunner(new SuiteRunSettings(
            null, null, RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.SampleData), RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.TinyModels), results)))
        {
            runner.Run(plantedB, suiteCase, TestContext.Current.CancellationToken);
        }

        var trx = Path.Combine(_folder, "trx");
        TrxDocument.Write(
            Path.Combine(trx, "gate.trx"),
            ($"{suiteCase.DisplayName}(caseId: \"{CaseId}\")", "Failed", $"Drift in {suiteCase.DisplayName}: answers differ from the recorded run."),
            ("Qwen3EvalTests.Gate.Tests.SuiteValidationTests.EveryCheckedInSuiteLoadsWithoutProblems", "Passed", null));

        var run = await CliRun.RunAsync("gate", "summary", "--trx", trx, "--results", results, "--repo", RepositoryRoot.Path);

        run.ExitCode.Should().Be(0, run.Stderr);
        // Expected from the recording's JSON: every question was answered A and is now answered B.
        using var recording = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Under(RepositoryRoot.Path, RepositoryLayout.Baselines), "runs", "tiny", "tiny-planted-a", "mmlu.json")));
        var questions = recording.RootElement.GetProperty("questions").EnumerateArray()
            .Select(q => (Subject: q.GetProperty("subject").GetString()!, Index: q.GetProperty("index").GetInt32(), Answer: q.GetProperty("answer").GetString()!, Predicted: q.GetProperty("predicted").GetString()!))
            .ToList();
        questions.Should().OnlyContain(q => q.Predicted == "A", "the recorded model is planted on A");
        var rightToWrong = questions.Count(q => q.Answer == "A");
        var wrongToRight = questions.Count(q => q.Answer == "B");

        run.Stdout.Split('\n').Should().ContainSingle(l => l.StartsWith($"| {suiteCase.DisplayName} | **failed** |", StringComparison.Ordinal))
            .Which.Should().Contain($"answer drift: {questions.Count} of {questions.Count} changed");
        run.Stdout.Should().Contain($"#### {suiteCase.DisplayName} vs recorded");
        run.Stdout.Should().Contain($"{questions.Count} of {questions.Count} answers changed ({rightToWrong} right→wrong, {wrongToRight} wrong→right)");
        run.Stdout.Should().Contain(FormattableString.Invariant($"McNemar (exact binomial): statistic {Math.Min(rightToWrong, wrongToRight)}, p = {ExactMcNemarP(rightToWrong, wrongToRight):0.0000}."));
        foreach (var q in questions.Take(AnswerDrift.FlipsShown))
        {
            var verdict = q.Answer == "A" ? "right→wrong" : q.Answer == "B" ? "wrong→right" : "wrong→wrong";
            run.Stdout.Should().Contain($"| {q.Subject}[{q.Index}] | {q.Answer} | A | B | {verdict} |");
        }

        run.Stdout.Should().Contain("baseline record").And.Contain("Suite cases: 1 failed, 0 passed, 0 skipped; answer drift in 1.");
    }

    /// <summary>Two-sided exact McNemar: 2·P(X ≤ min(b, c)) for X ~ Binomial(b + c, 1/2), capped at 1.</summary>
    private static double ExactMcNemarP(int b, int c)
    {
        var n = b + c;
        double tail = 0, choose = 1;
        for (var i = 0; i <= Math.Min(b, c); i++)
        {
            tail += choose / Math.Pow(2, n);
            choose = choose * (n - i) / (i + 1);
        }

        return Math.Min(1, 2 * tail);
    }
}
