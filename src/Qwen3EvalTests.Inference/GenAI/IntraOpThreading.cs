using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// How ONNX Runtime's intra-op thread pool runs a GenAI model. GenAI 0.18 defaults to half the hardware threads
/// (<c>std::thread::hardware_concurrency() / 2</c>, at least 1, at most 16; src/models/model.cpp), assuming two hardware
/// threads per core: on a machine without SMT that leaves half the cores idle (measured here: 2 cores, 1 thread per core, the
/// process ran on one). The model builder writes neither a thread count nor a spinning policy, so the harness sets both: the
/// count asked for, else the folder's own <c>session_options.intra_op_num_threads</c>, else every core the process may use;
/// and no spin-waiting (<c>session.intra_op.allow_spinning</c> "0") unless the folder asks for it, because the harness works
/// between forward calls and a spinning worker takes the core that work would run on (measured here under load: forward and
/// harness time both lower without spinning).
/// </summary>
/// <param name="Threads">intra_op_num_threads.</param>
/// <param name="Spins">session.intra_op.allow_spinning: idle workers spin-wait instead of sleeping.</param>
public sealed record IntraOpThreading(int Threads, bool Spins)
{
    public const string AllowSpinningKey = "session.intra_op.allow_spinning";

    /// <summary>The threading for <paramref name="configPath"/>'s model; <paramref name="requestedThreads"/> wins when set.</summary>
    public static IntraOpThreading Resolve(int? requestedThreads, string configPath)
    {
        var (threads, spinning) = Configured(configPath);
        return new IntraOpThreading(requestedThreads ?? threads ?? Environment.ProcessorCount, spinning ?? false);
    }

    /// <summary>genai_config.json's model.decoder.session_options intra_op_num_threads (when a positive number) and allow_spinning ("0"/"1").</summary>
    public static (int? Threads, bool? Spins) Configured(string configPath)
    {
        using var document = JsonDocument.Parse(ModelFolderSandbox.ReadParsedFile(configPath));
        if (!document.RootElement.TryGetProperty("model", out var model)
            || !model.TryGetProperty("decoder", out var decoder)
            || !decoder.TryGetProperty("session_options", out var session))
        {
            return (null, null);
        }

        int? threads = session.TryGetProperty("intra_op_num_threads", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var value) && value > 0
            ? value
            : null;
        bool? spins = session.TryGetProperty(AllowSpinningKey, out var spinning) && spinning.ValueKind == JsonValueKind.String
            ? spinning.GetString() != "0"
            : null;
        return (threads, spins);
    }

    /// <summary>The <c>Config.Overlay</c> JSON that sets the decoder session's thread count and spinning policy.</summary>
    public string Overlay() =>
        "{\"model\":{\"decoder\":{\"session_options\":{\"intra_op_num_threads\":" + Threads.ToString(CultureInfo.InvariantCulture)
        + ",\"" + AllowSpinningKey + "\":\"" + (Spins ? "1" : "0") + "\"}}}}";
}
