namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// A snapshot whose rendered text differs from its approved file: named by a failed snapshot test's message
/// ("Snapshot does not match …" / "No approved snapshot yet: …") and/or found as a <c>*.received.txt</c> on disk.
/// </summary>
/// <param name="Approved">The approved file, relative to the repository when it lies inside it.</param>
/// <param name="Received">The received file, relative likewise, or null when not known.</param>
/// <param name="IsNew">True when there is no approved file yet.</param>
/// <param name="TestName">The failed test that reported it, or null when only the received file was found.</param>
/// <param name="Diff">The unified diff the test printed, or null.</param>
public sealed record SnapshotChange(string Approved, string? Received, bool IsNew, string? TestName, string? Diff);
