using System.Runtime.InteropServices;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// glibc's allocator settings for a long run, set by the program that scores (qwen3eval does at start). Every scored question makes GenAI allocate and free a vocabulary-sized
/// tensor (0.6 MB of float32 logits with Qwen's 151,936 tokens). glibc serves blocks above its mmap threshold with mmap
/// and unmaps them on free, but raises that threshold dynamically after such a free (up to 32 MB), so from then on the
/// blocks come from the heap and fragment it: the resident set grew 9 % over the 14,042 MMLU questions with the .NET heap
/// flat (README "Performance"). Fixing the threshold at glibc's default of 128 KiB keeps them mmapped. glibc also gives
/// each thread that allocates while another holds the main arena an arena of its own (up to 8 per core), each with its own
/// free lists; the evaluator tokenizes on a thread beside the scoring one, so the arenas are limited to two.
/// </summary>
public static partial class NativeHeap
{
    /// <summary>glibc's default mmap threshold, fixed so it no longer moves (mallopt disables the dynamic adjustment).</summary>
    public const int MmapThresholdBytes = 128 * 1024;

    /// <summary>The most malloc arenas: the main one and one that the other threads share.</summary>
    public const int ArenaCount = 2;

    private const int MMmapThreshold = -3; // M_MMAP_THRESHOLD, malloc.h
    private const int MArenaMax = -8; // M_ARENA_MAX, malloc.h

    /// <summary>Fixes glibc's mmap threshold and limits its arenas; false where there is no glibc (another C library, another OS) or it refused either.</summary>
    public static bool Configure() => Set(MMmapThreshold, MmapThresholdBytes) & Set(MArenaMax, ArenaCount);

    private static bool Set(int param, int value)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return mallopt(param, value) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int param, int value);
}
