namespace Qwen3EvalTests.Inference.Bench;

/// <summary>The process's peak resident set (Linux VmHWM), which <see cref="Reset"/> lowers to the current RSS between runs.</summary>
internal static class PeakRss
{
    /// <summary>Writes 5 to /proc/self/clear_refs (resets VmHWM); false where that is not possible, so peaks accumulate.</summary>
    public static bool Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Peak RSS in bytes since the last reset, or the process's peak working set where /proc is absent.</summary>
    public static long Read()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), out var kilobytes))
            {
                return kilobytes * 1024;
            }
        }
        catch (IOException)
        {
        }

        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
