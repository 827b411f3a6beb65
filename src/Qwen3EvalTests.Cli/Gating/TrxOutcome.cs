namespace Qwen3EvalTests.Cli.Gating;

/// <summary>A test result's outcome as the gate counts it (VSTest's TRX has more outcome names than these).</summary>
public enum TrxOutcome
{
    /// <summary>TRX "Passed".</summary>
    Passed,

    /// <summary>TRX "Failed", "Error", "Timeout", "Aborted" and any outcome the gate does not know.</summary>
    Failed,

    /// <summary>TRX "NotExecuted": xUnit's Assert.Skip and [Fact(Skip = …)]; the reason is the result's message.</summary>
    Skipped,
}
