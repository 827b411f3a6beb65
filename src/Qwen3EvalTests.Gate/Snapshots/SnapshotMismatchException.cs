using Xunit.Sdk;

namespace Qwen3EvalTests.Gate.Snapshots;

/// <summary>A rendered text differs from its approved snapshot; the message carries the diff and how to accept.</summary>
public sealed class SnapshotMismatchException(string message) : XunitException(message);
