using System.Collections.Concurrent;
using LLama.Native;

namespace Qwen3EvalTests.Inference.LlamaCpp;

/// <summary>
/// The process's llama.cpp native library, configured once before any other LLamaSharp call (NativeLibraryConfig must come
/// first): llama.cpp's log goes to a small buffer instead of stderr, so a run's output stays the harness's, and the last
/// errors it logged can be quoted when loading or decoding fails.
/// </summary>
internal static class LlamaCppRuntime
{
    private const int KeptErrors = 8;

    private static readonly ConcurrentQueue<string> Errors = new();
    private static readonly Lazy<bool> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized() => _ = Configured.Value;

    /// <summary>The last errors llama.cpp logged, on one line ("" when none).</summary>
    public static string LastErrors() => string.Join(" | ", Errors.Select(e => e.Trim()).Where(e => e.Length > 0));

    private static bool Configure()
    {
        NativeLogConfig.llama_log_set((level, message) =>
        {
            if (level == LLamaLogLevel.Error)
            {
                Errors.Enqueue(message);
                while (Errors.Count > KeptErrors && Errors.TryDequeue(out _))
                {
                }
            }
        });
        return true;
    }
}
