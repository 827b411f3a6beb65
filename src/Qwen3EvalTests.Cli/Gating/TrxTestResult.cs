using System.Text.RegularExpressions;

namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// One <c>UnitTestResult</c> of a TRX file: the test's name as xUnit reports it (display name followed by the
/// theory arguments, e.g. <c>tiny-planted-a · mmlu · qwen · 5-shot(caseId: "tiny/tiny-planted-a/mmlu")</c>),
/// its outcome, and <c>Output/ErrorInfo/Message</c> — the failure message, or for a skipped test the skip reason.
/// </summary>
/// <param name="TrxFile">The TRX file's path relative to the folder that was read.</param>
/// <param name="TestName">The <c>testName</c> attribute.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="OutcomeName">The <c>outcome</c> attribute as written.</param>
/// <param name="Message">The error or skip message, or null.</param>
public sealed partial record TrxTestResult(string TrxFile, string TestName, TrxOutcome Outcome, string OutcomeName, string? Message)
{
    /// <summary>The suite case id of a gate theory row (its only argument, <c>caseId</c>), or null for any other test.</summary>
    public string? CaseId => CaseIdArgument().Match(TestName) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The message's first non-empty line, for a table cell.</summary>
    public string? FirstMessageLine => Message?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    /// <summary>Maps a TRX outcome name to what the gate counts.</summary>
    public static TrxOutcome OutcomeOf(string outcome) => outcome switch
    {
        "Passed" => TrxOutcome.Passed,
        "NotExecuted" => TrxOutcome.Skipped,
        _ => TrxOutcome.Failed,
    };

    [GeneratedRegex("""\(caseId: "([^"]+)"\)$""", RegexOptions.CultureInvariant)]
    private static partial Regex CaseIdArgument();
}
