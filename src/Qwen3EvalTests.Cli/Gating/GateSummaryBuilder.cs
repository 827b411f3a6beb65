using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// Builds the <see cref="GateSummary"/> from a TRX folder, the gate's results folder and the repository's suites
/// and baselines. Test outcomes come from the TRX; scores, drift and McNemar from the results JSON and the
/// recordings, so a reviewer sees the same numbers the gate test compared. Every input problem is an
/// <see cref="EvalInputException"/> naming the path and the fix.
/// </summary>
public static partial class GateSummaryBuilder
{
    public static GateSummary Build(GateSummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = TrxReader.ReadFolder(request.TrxFolder);
        RequireFolder(request.ResultsFolder, "--results", "the results JSON the gate tests write (TestResults/eval/ of the repository)");
        if (request.BaseBranchResultsFolder is { } baseFolder)
        {
            RequireFolder(baseFolder, "--baseline-branch-results", "TestResults/eval/ of a run of the base branch (e.g. the gate-eval-results artifact of its workflow run)");
        }

        // The shipped numbers, extended by the folder's own baselines/official.json: a consumer's both case may name either.
        var catalog = BaselineCatalogLocation.ForSuitesIn(request.Repository);
        var cases = SuiteLoader.LoadAll(RepositoryLayout.Under(request.Repository, RepositoryLayout.Suites), catalog)
            .SelectMany(s => s.Cases)
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
        var byDisplayName = cases.Values.GroupBy(c => c.DisplayName, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.Ordinal);

        var caseResults = new Dictionary<string, TrxTestResult>(StringComparer.Ordinal);
        var others = new List<TrxTestResult>();
        foreach (var result in results)
        {
            var id = result.CaseId ?? byDisplayName.GetValueOrDefault(result.TestName);
            if (id is null || !cases.ContainsKey(id))
            {
                others.Add(result);
            }
            else if (!caseResults.TryGetValue(id, out var earlier) || Severity(result.Outcome) < Severity(earlier.Outcome))
            {
                caseResults[id] = result;
            }
        }

        var written = ResultsFileIds(request.ResultsFolder).Where(cases.ContainsKey);
        var rows = caseResults.Keys.Union(written, StringComparer.Ordinal)
            .Select(id => Row(cases[id], caseResults.GetValueOrDefault(id), request, catalog))
            .OrderBy(r => r.Outcome is null ? 3 : Severity(r.Outcome.Value))
            .ThenBy(r => r.CaseId, StringComparer.Ordinal)
            .ToList();
        var snapshots = SnapshotChangeFinder.Find(results, request.Repository);
        var snapshotTests = snapshots.Select(s => s.TestName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var otherFailures = others.Where(r => r.Outcome == TrxOutcome.Failed && !snapshotTests.Contains(r.TestName)).ToList();
        var totals = new GateTotals(
            results.Select(r => r.TrxFile).Distinct(StringComparer.Ordinal).Count(),
            results.Count(r => r.Outcome == TrxOutcome.Passed),
            results.Count(r => r.Outcome == TrxOutcome.Failed),
            results.Count(r => r.Outcome == TrxOutcome.Skipped),
            rows.Count(r => r.Outcome == TrxOutcome.Passed),
            rows.Count(r => r.Outcome == TrxOutcome.Failed),
            rows.Count(r => r.Outcome == TrxOutcome.Skipped),
            rows.Count(r => r.Outcome is null),
            rows.Count(r => r.Drift?.HasDrift == true),
            snapshots.Count);
        return new GateSummary(
            results.Select(r => r.TrxFile).Distinct(StringComparer.Ordinal).ToList(),
            rows,
            snapshots,
            otherFailures,
            request.BaseBranchResultsFolder is not null,
            totals);
    }

    private static GateCaseRow Row(SuiteCase suiteCase, TrxTestResult? result, GateSummaryRequest request, BaselineCatalog catalog)
    {
        var repeats = RepeatResults(request.ResultsFolder, suiteCase.Id);
        var current = repeats.Count > 0 ? repeats[0] : null;
        var scores = repeats.Where(r => r.Summary.Questions > 0).Select(r => r.Summary.Accuracy * 100).ToList();
        var measured = scores.Count > 0 ? scores.Average() : (double?)null;

        double? baseline;
        string note;
        AnswerDrift? drift = null;
        string? recordingPath = null;
        RecordedRun? recorded = null;
        if (suiteCase.Baseline.RecordingPath is { } relative)
        {
            var recording = Path.Combine(RepositoryLayout.Under(request.Repository, RepositoryLayout.Baselines), relative);
            recordingPath = SnapshotChangeFinder.Shown(recording, request.Repository);
            recorded = File.Exists(recording) ? RecordedRun.Read(recording) : null;
            drift = recorded is not null && current is not null ? AnswerDrift.Between(recorded.Questions, current.Answers()) : null;
        }

        if (suiteCase.Baseline.Origin == BaselineOrigin.Recorded)
        {
            baseline = recorded?.Accuracy * 100;
            note = recorded is null ? $"no recording at {recordingPath}" : "recorded";
        }
        else
        {
            baseline = catalog.FindById(suiteCase.Baseline.Id)?.Score;
            note = baseline is null ? $"no official baseline {suiteCase.Baseline.Id}" : "official";
        }

        var comparison = measured is { } m && baseline is { } b
            ? BaselineComparison.CompareRepeats(scores, current!.Summary.Questions, b, suiteCase.Baseline.Id, note, suiteCase.Tolerance)
            : null;
        var failedChecks = new List<string>();
        if (comparison is { IsWithin: false })
        {
            failedChecks.Add(comparison.CheckLine);
        }

        if (drift is { HasDrift: true })
        {
            failedChecks.Add(drift.CheckLine);
        }

        if (recordingPath is not null && recorded is null)
        {
            failedChecks.Add($"recording: no recorded run at {recordingPath}; record it with `qwen3eval baseline record --suite {suiteCase.Suite} --case {suiteCase.Id}`");
        }

        BaseBranchCase? baseBranch = null;
        if (request.BaseBranchResultsFolder is { } baseFolder && File.Exists(ResultsPath(baseFolder, suiteCase.Id)))
        {
            var before = ResultsFile.Read(ResultsPath(baseFolder, suiteCase.Id));
            baseBranch = new BaseBranchCase(before.Summary.Accuracy * 100, current is null ? null : AnswerDrift.Between(before.Answers(), current.Answers()));
        }

        return new GateCaseRow(
            suiteCase.Id,
            suiteCase.DisplayName,
            suiteCase.Baseline.Origin,
            result?.Outcome,
            result?.FirstMessageLine,
            measured,
            measured is null ? null : current!.Summary.Questions,
            baseline,
            note,
            comparison?.Delta,
            comparison?.EffectiveTolerance ?? suiteCase.Tolerance.Points,
            comparison?.Applied == AppliedTolerance.ConfidenceInterval,
            drift,
            recordingPath,
            baseBranch)
        {
            FailedChecks = failedChecks,
            Subjects = baseline is { } reference && current is not null
                ? [.. current.Summary.Subjects.Where(x => x.Accuracy.Total > 0).Select(x => new GateSubjectDelta(
                    x.Subject, x.Accuracy.Total, x.Accuracy.Value * 100 - reference, x.Accuracy.Low95 * 100 - reference, x.Accuracy.High95 * 100 - reference))]
                : [],
        };
    }

    /// <summary>Failed, then passed, then skipped: the order of the rows, and which result counts for a case reported twice.</summary>
    private static int Severity(TrxOutcome outcome) => outcome switch
    {
        TrxOutcome.Failed => 0,
        TrxOutcome.Passed => 1,
        _ => 2,
    };

    private static string ResultsPath(string folder, string caseId) => Path.Combine(folder, SuiteCase.ResultsFileName(caseId, repeat: null));

    /// <summary>A case's results: its one file, or its repeats' files (…-r1.json, …-r2.json, …) in repeat order.</summary>
    private static List<ResultsFile> RepeatResults(string folder, string caseId)
    {
        if (File.Exists(ResultsPath(folder, caseId)))
        {
            return [ResultsFile.Read(ResultsPath(folder, caseId))];
        }

        var repeats = new List<ResultsFile>();
        for (var repeat = 1; File.Exists(Path.Combine(folder, SuiteCase.ResultsFileName(caseId, repeat))); repeat++)
        {
            repeats.Add(ResultsFile.Read(Path.Combine(folder, SuiteCase.ResultsFileName(caseId, repeat))));
        }

        return repeats;
    }

    /// <summary>Case ids of the results files in a folder: the relative path without ".json" (and a repeat's "-rN"), with '/'.</summary>
    private static IEnumerable<string> ResultsFileIds(string folder) =>
        Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => RepeatSuffix().Replace(Path.GetRelativePath(folder, f)[..^".json".Length], "").Replace(Path.DirectorySeparatorChar, '/'))
            .Distinct(StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"-r[0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex RepeatSuffix();

    private static void RequireFolder(string folder, string option, string what)
    {
        if (!Directory.Exists(folder))
        {
            throw new EvalInputException($"folder not found: pass {what}.", file: folder, field: option);
        }
    }
}
