using System.Reflection;
using System.Runtime.InteropServices;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    /// <summary>
    /// The engine and its versions as recorded in run manifests, e.g.
    /// "onnxruntime-genai 0.19.0 (cpu), onnxruntime 1.31.0": the GenAI package version baked in at build time
    /// and the ONNX Runtime version reported by the loaded native library.
    /// </summary>
    public static string Versions { get; } =
        "onnxruntime-genai " + (typeof(GenAiLanguageModel).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "OnnxRuntimeGenAIPackage")?.Value ?? "unknown version")
        + ", onnxruntime " + (OnnxRuntimeNative.Version() ?? "unknown version");

    /// <summary>The engine as run manifests record it: <see cref="Versions"/>, the same whichever command opened the model.</summary>
    public string EngineDescription => Versions;

    /// <summary>Every file of the model folder, hashed once per process, and the execution provider.</summary>
    public ModelIdentity Identity => identity.Value;

    /// <summary>Asks the native ONNX Runtime that GenAI loads for its version (OrtGetApiBase()->GetVersionString()).</summary>
    private static partial class OnnxRuntimeNative
    {
        public static unsafe string? Version()
        {
            try
            {
                var apiBase = OrtGetApiBase();
                if (apiBase == IntPtr.Zero)
                {
                    return null;
                }

                // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
                var getVersionString = (delegate* unmanaged<IntPtr>)Marshal.ReadIntPtr(apiBase, IntPtr.Size);
                return Marshal.PtrToStringUTF8(getVersionString());
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        [LibraryImport("onnxruntime")]
        private static partial IntPtr OrtGetApiBase();
    }
}
