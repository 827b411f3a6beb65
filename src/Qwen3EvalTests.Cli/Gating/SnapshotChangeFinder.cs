namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// Finds changed snapshots two ways and merges them by approved file: failed tests whose message is the
/// snapshot helper's (tests/Shared/Snapshots/SnapshotAssert.cs), and <c>*.received.txt</c> files left under the
/// repository's tests/ folder (git-ignored, written beside the approved file on a mismatch).
/// </summary>
public static class SnapshotChangeFinder
{
    public const string MismatchMarker = "Snapshot does not match ";
    public const string NewMarker = "No approved snapshot yet: ";
    public const string ReceivedMarker = "Received text written to ";
    public const string ApprovedSuffix = ".approved.txt";
    public const string ReceivedSuffix = ".received.txt";

    /// <summary>The snapshot a failed test reports, or null when its message is not a snapshot mismatch.</summary>
    public static SnapshotChange? FromTestResult(TrxTestResult result, string repository)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome != TrxOutcome.Failed || result.Message is null)
        {
            return null;
        }

        var lines = result.Message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var first = lines[0];
        var (marker, isNew) = first.Contains(MismatchMarker, StringComparison.Ordinal) ? (MismatchMarker, false)
            : first.Contains(NewMarker, StringComparison.Ordinal) ? (NewMarker, true)
            : (null, false);
        if (marker is null)
        {
            return null;
        }

        var approved = first[(first.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
        var received = lines.FirstOrDefault(l => l.StartsWith(ReceivedMarker, StringComparison.Ordinal))?[ReceivedMarker.Length..].Trim();
        // The diff sits between the legend line and the "To accept:" line.
        var diff = lines.SkipWhile(l => !l.StartsWith("Legend:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("To accept:", StringComparison.Ordinal))
            .ToList();
        return new SnapshotChange(
            Shown(approved, repository),
            received is null ? null : Shown(received, repository),
            isNew,
            result.TestName,
            diff.Count == 0 ? null : string.Join('\n', diff));
    }

    /// <summary>Every <c>*.received.txt</c> under <c>&lt;repository&gt;/tests</c> (bin/ and obj/ excluded), in path order.</summary>
    public static IReadOnlyList<SnapshotChange> FromReceivedFiles(string repository)
    {
        var tests = Path.Combine(repository, "tests");
        if (!Directory.Exists(tests))
        {
            return [];
        }

        return Directory.GetFiles(tests, "*" + ReceivedSuffix, SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(tests, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(received =>
            {
                var approved = received[..^ReceivedSuffix.Length] + ApprovedSuffix;
                return new SnapshotChange(Shown(approved, repository), Shown(received, repository), !File.Exists(approved), null, null);
            })
            .ToList();
    }

    /// <summary>Both sources, one entry per approved file (a test's report wins over a bare received file), by approved path.</summary>
    public static IReadOnlyList<SnapshotChange> Find(IEnumerable<TrxTestResult> results, string repository)
    {
        var changes = new Dictionary<string, SnapshotChange>(StringComparer.Ordinal);
        foreach (var change in results.Select(r => FromTestResult(r, repository)).OfType<SnapshotChange>())
        {
            changes.TryAdd(change.Approved, change);
        }

        foreach (var change in FromReceivedFiles(repository))
        {
            changes.TryAdd(change.Approved, change);
        }

        return changes.Values.OrderBy(c => c.Approved, StringComparer.Ordinal).ToList();
    }

    /// <summary>A path relative to the repository (with '/') when inside it, else as given.</summary>
    public static string Shown(string path, string repository)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(repository), Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
