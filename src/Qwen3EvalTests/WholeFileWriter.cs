namespace Qwen3EvalTests;

/// <summary>
/// Writes a small output file (a sensitivity report, a recorded run) whole: to a temporary name beside it, then moved
/// into place, so a full disk or a killed process never leaves a half-written file under the final name. A failed write
/// is the <see cref="WriteFailure"/> error naming the file.
/// </summary>
public static class WholeFileWriter
{
    /// <exception cref="EvalInputException">The folder cannot be created, or the disk is full or read-only.</exception>
    public static void Write(string path, string text, string fix)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Environment.ProcessId}.partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw WriteFailure.Of(full, e, fix);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the partial name is never read as a result.
        }
    }
}
