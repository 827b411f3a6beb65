namespace Qwen3EvalTests;

/// <summary>
/// Turns a failed write (a full disk, a read-only file system, any other I/O error) into the one-line
/// <see cref="EvalInputException"/> a user can act on, naming the file. Used by every writer of results and caches.
/// </summary>
public static class WriteFailure
{
    private const int Enospc = 28;
    private const int Erofs = 30;
    private const int Edquot = 122;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>The error for a write to <paramref name="path"/> that failed with <paramref name="error"/>; <paramref name="fix"/> ends the sentence ("rerun with …").</summary>
    public static EvalInputException Of(string path, Exception error, string fix)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error switch
        {
            _ when IsDiskFull(error) => $"no space left on device while writing {path}; free space there or choose another disk, then {fix}",
            _ when IsReadOnly(error) => $"cannot write {path}: read-only file system; remount it read-write or choose another place, then {fix}",
            UnauthorizedAccessException => $"cannot write {path}: permission denied; make it writable or choose another place, then {fix}",
            _ => $"cannot write {path} ({error.Message.TrimEnd('.')}); {fix}",
        };
        // The path is in the message, where a reader looks first; no "PATH: " prefix repeats it.
        return new EvalInputException(message, inner: error);
    }

    /// <summary>
    /// ENOSPC or EDQUOT on Unix (.NET puts the errno in HResult), ERROR_DISK_FULL on Windows, SQLite's "disk is full", or
    /// .NET's preallocation failure ("… because the disk was full").
    /// </summary>
    public static bool IsDiskFull(Exception error) =>
        error.HResult is Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull
        || error.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || error.Message.Contains("disk is full", StringComparison.OrdinalIgnoreCase)
        || error.Message.Contains("disk was full", StringComparison.OrdinalIgnoreCase);

    /// <summary>EROFS: the file system is mounted read-only.</summary>
    public static bool IsReadOnly(Exception error) =>
        error.HResult == Erofs || error.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase);
}
