namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// The process's resident set on Linux (/proc/self/status): the current size (VmRSS) and the peak (VmHWM), which
/// <see cref="ResetPeak"/> lowers to the current size between runs. Elsewhere the process's working set.
/// </summary>
internal static class ResidentSet
{
    /// <summary>Writes 5 to /proc/self/clear_refs (resets VmHWM); false where that is not possible, so peaks accumulate.</summary>
    public static bool ResetPeak()
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

    /// <summary>Peak resident bytes since the last <see cref="ResetPeak"/>.</summary>
    public static long Peak() => Read("VmHWM:") ?? System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;

    /// <summary>Resident bytes now.</summary>
    public static long Current() => Read("VmRSS:") ?? Environment.WorkingSet;

    private static long? Read(string field)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            if (line is not null && long.TryParse(line[field.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), out var kilobytes))
            {
                return kilobytes * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
