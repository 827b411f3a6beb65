using System.Globalization;
using System.Text.Json;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// How many intra-op threads ONNX Runtime runs a GenAI model with. GenAI 0.18 defaults to half the hardware threads
/// (<c>std::thread::hardware_concurrency() / 2</c>, at least 1, at most 16; src/models/model.cpp), assuming two hardware
/// threads per core: on a machine without SMT that leaves half the cores idle (measured here: 2 cores, 1 thread per core,
/// the process ran on one). The model builder writes no <c>intra_op_num_threads</c>, so the harness sets it: the count
/// asked for, else the folder's own <c>session_options.intra_op_num_threads</c>, else every core the process may use.
/// </summary>
internal static class IntraOpThreadCount
{
    /// <summary>The thread count for <paramref name="configPath"/>'s model; <paramref name="requested"/> wins when set.</summary>
    public static int Resolve(int? requested, string configPath)
    {
        if (requested is { } count)
        {
            return count;
        }

        return Configured(configPath) ?? Environment.ProcessorCount;
    }

    /// <summary>genai_config.json's model.decoder.session_options.intra_op_num_threads, or null when it is absent or not a positive number.</summary>
    public static int? Configured(string configPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(configPath));
        return document.RootElement.TryGetProperty("model", out var model)
            && model.TryGetProperty("decoder", out var decoder)
            && decoder.TryGetProperty("session_options", out var session)
            && session.TryGetProperty("intra_op_num_threads", out var threads)
            && threads.ValueKind == JsonValueKind.Number
            && threads.TryGetInt32(out var value)
            && value > 0
                ? value
                : null;
    }

    /// <summary>The <c>Config.Overlay</c> JSON that sets the decoder session's intra-op thread count.</summary>
    public static string Overlay(int threads) =>
        "{\"model\":{\"decoder\":{\"session_options\":{\"intra_op_num_threads\":" + threads.ToString(CultureInfo.InvariantCulture) + "}}}}";
}
