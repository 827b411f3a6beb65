namespace Qwen3EvalTests.Inference.Suites;

/// <summary>Whether an NVIDIA GPU is visible to this process (Linux: /dev/nvidia0; Windows: nvcuda.dll).</summary>
public static class CudaDevice
{
    public static bool IsPresent => OperatingSystem.IsWindows()
        ? File.Exists(Path.Combine(Environment.SystemDirectory, "nvcuda.dll"))
        : File.Exists("/dev/nvidia0");
}
