namespace Qwen3EvalTests.Gate.Snapshots;

/// <summary>Whether a mismatching snapshot is accepted automatically: only locally, with QWEN3EVAL_ACCEPT_SNAPSHOTS=1, never when CI=true.</summary>
/// <param name="AutoAccept">Write the received text as the approved file instead of failing.</param>
public sealed record SnapshotSettings(bool AutoAccept)
{
    public const string AcceptVariable = "QWEN3EVAL_ACCEPT_SNAPSHOTS";

    public static SnapshotSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static SnapshotSettings From(Func<string, string?> environment)
    {
        var ci = string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var accept = environment(AcceptVariable) is "1" or "true";
        return new SnapshotSettings(accept && !ci);
    }
}
