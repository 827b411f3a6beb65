using System.Runtime.CompilerServices;
using System.Text;

namespace Qwen3EvalTests.Gate.Snapshots;

/// <summary>
/// Approved/received snapshots: <c>&lt;name&gt;.approved.txt</c> lives next to the test source file
/// (found through [CallerFilePath]) and is compared byte for byte (UTF-8, '\n' endings). On a
/// mismatch or a missing approved file, <c>&lt;name&gt;.received.txt</c> is written (git-ignored) and the
/// assertion fails with a unified diff and the command that accepts the change.
/// </summary>
public static class SnapshotAssert
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Matches(string actual, string name, SnapshotSettings? settings = null, [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var directory = Path.GetDirectoryName(sourceFile) ?? throw new ArgumentException("no caller file path", nameof(sourceFile));
        Matches(actual, Path.Combine(directory, name + ".approved.txt"), Path.Combine(directory, name + ".received.txt"), settings ?? SnapshotSettings.FromEnvironment());
    }

    /// <summary>The comparison with explicit paths; throws <see cref="SnapshotMismatchException"/> on a mismatch.</summary>
    public static void Matches(string actual, string approvedPath, string receivedPath, SnapshotSettings settings)
    {
        var exists = File.Exists(approvedPath);
        var approved = exists ? Utf8.GetString(File.ReadAllBytes(approvedPath)) : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (settings.AutoAccept)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(approvedPath))!);
            File.WriteAllBytes(approvedPath, Utf8.GetBytes(actual));
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(receivedPath))!);
        File.WriteAllBytes(receivedPath, Utf8.GetBytes(actual));
        var message = new StringBuilder()
            .Append(exists ? "Snapshot does not match " : "No approved snapshot yet: ").Append(approvedPath).Append('\n')
            .Append("Received text written to ").Append(receivedPath).Append('\n')
            .Append("Legend: · trailing space, → tab, ␍ carriage return, ⏎ end of line.\n")
            .Append(SnapshotDiff.Unified(approved ?? string.Empty, actual, Path.GetFileName(approvedPath), Path.GetFileName(receivedPath)))
            .Append("To accept: mv '").Append(receivedPath).Append("' '").Append(approvedPath).Append("'\n")
            .Append("or rerun locally with ").Append(SnapshotSettings.AcceptVariable).Append("=1 (ignored when CI=true).");
        throw new SnapshotMismatchException(message.ToString());
    }
}
