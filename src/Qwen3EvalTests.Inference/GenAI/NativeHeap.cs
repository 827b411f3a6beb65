using System.Runtime.InteropServices;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// glibc's allocator settings for a long run, set by the program that scores (qwen3eval does at start). Every scored question makes GenAI allocate and free a vocabulary-sized
/// tensor (0.6 MB of float32 logits with Qwen's 151,936 tokens). glibc serves blocks above its mmap threshold with mmap
/// and unmaps them on free, but raises that threshold dynamically after such a free (up to 32 MB), so from then on the
/// blocks come from the heap and fragment it: the resident set grew 9 % over the 14,042 MMLU questions with the .NET heap
/// flat (README "Performance"). Fixing the threshold at glibc's default of 128 KiB keeps them mmapped.
/// </summary>
public static partial class NativeHeap
{
    /// <summary>glibc's default mmap threshold, fixed so it no longer moves (mallopt disables the dynamic adjustment).</summary>
    public const int MmapThresholdBytes = 128 * 1024;

    private const int MMmapThreshold = -3; // M_MMAP_THRESHOLD, malloc.h

    /// <summary>Fixes glibc's mmap threshold; false where there is no glibc (another C library, another OS) or it refused.</summary>
    public static bool FixMmapThreshold()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return mallopt(MMmapThreshold, MmapThresholdBytes) == 1;
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
