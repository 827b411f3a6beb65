using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Tests;

/// <summary>
/// Why a test of this repository cannot run here (an official suite case: <see cref="Gate.OfficialCaseRequirements"/>): each requirement returns the reason (naming the path,
/// property or device to provide) or null when it is met. Tests pass the reason to <c>Assert.Skip</c>; none
/// skips silently, and nothing touches the file system at discovery time.
/// </summary>
internal static class SkipRequirements
{
    /// <summary>Why the full benchmark data is unavailable: <paramref name="folder"/> is null or absent.</summary>
    public static string? FullData(string? folder, string whereToPut) => folder is not null && Directory.Exists(folder)
        ? null
        : $"full benchmark data not found: set -p:EvalDataDir=DIR (or EVAL_DATA_DIR), or place it at {whereToPut}.";

    /// <summary>
    /// Why llama.cpp's llama-server cannot be started: no binary at <paramref name="binary"/> (the served backend's tests against
    /// a real server need it; .ci/run builds it first).
    /// </summary>
    /// <summary>glibc's allocator settings exist on Linux only.</summary>
    public static string? Glibc() => OperatingSystem.IsLinux()
        ? null
        : "mallopt (glibc's allocator settings) exists only on Linux; this machine is not Linux.";

    public static string? LlamaServer(string binary) => File.Exists(binary)
        ? null
        : $"llama-server not found at {binary}: build it with `bash eng/llama-server.sh` (20-40 min on 2 cores the first time, then cached; .ci/run runs it), or set QWEN3EVAL_LLAMA_SERVER to an existing binary.";

    /// <summary>
    /// Why a file made unreadable (chmod 000) can still be read here: the process runs as root (or with CAP_DAC_OVERRIDE),
    /// which ignores file permissions, so a permission-denied case cannot be produced. Null when reading it fails.
    /// </summary>
    public static string? PermissionsEnforced(string unreadableFile)
    {
        try
        {
            using var stream = File.OpenRead(unreadableFile);
            return $"this process can read {unreadableFile} after chmod 000 (it runs as root or with CAP_DAC_OVERRIDE, which ignore file permissions), so a permission-denied file cannot be made here; run the tests as an ordinary user.";
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether an NVIDIA GPU is visible to this process.</summary>
    public static bool CudaDevicePresent => Gate.OfficialCaseRequirements.CudaDevicePresent;
}
