using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntimeGenAI;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// The one GenAI C API call the 0.18 C# binding does not expose: <c>OgaGenerator_GetLogits</c>, the next-token logits of the
/// last forward call as a float32 [batch, 1, vocab] tensor (a float16 export's row is cast to float32 by GenAI), instead of
/// <c>GetOutput("logits")</c>'s copy of every appended position (0.6 MB per token with Qwen's vocabulary).
/// GenAI takes each batch row's logits at its last token that is not the pad id, so a caller whose appended tokens end in the
/// pad id must read the full tensor instead.
/// The binding keeps the generator's native handle in a private field and wraps tensors with an internal constructor; both
/// are reached with <see cref="UnsafeAccessorAttribute"/>, and NextTokenLogitsTests fails if a binding update renames them.
/// </summary>
internal static partial class NextTokenLogits
{
    private const string Library = "onnxruntime-genai";

    /// <summary>The next-token logits after the last AppendTokens on <paramref name="generator"/>; the caller disposes the tensor.</summary>
    public static Tensor Read(Generator generator)
    {
        var result = OgaGenerator_GetLogits(GeneratorHandle(generator), out var tensor);
        if (result != IntPtr.Zero)
        {
            var message = Marshal.PtrToStringUTF8(OgaResultGetError(result)) ?? "no message";
            OgaDestroyResult(result);
            throw new InvalidOperationException($"ONNX Runtime GenAI could not return the next-token logits: {message}");
        }

        return NewTensor(tensor);
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_generatorHandle")]
    private static extern ref IntPtr GeneratorHandle(Generator generator);

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Tensor NewTensor(IntPtr tensorHandle);

    // OgaResult* OgaGenerator_GetLogits(OgaGenerator* generator, OgaTensor** out), src/ort_genai_c.h.
    [LibraryImport(Library)]
    private static partial IntPtr OgaGenerator_GetLogits(IntPtr generator, out IntPtr tensor);

    [LibraryImport(Library)]
    private static partial IntPtr OgaResultGetError(IntPtr result);

    [LibraryImport(Library)]
    private static partial void OgaDestroyResult(IntPtr result);
}
