using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Floor;

/// <summary>
/// The engine's floor: a plain ONNX Runtime session over the model's own graph (default session options, as GenAI's CPU
/// provider gets them, with the intra-op threading GenAI ran with) replaying exactly the harness's forward calls, with its own
/// KV cache (a rewind copies the kept positions), reading only the rows each call's score needs.
/// </summary>
public sealed class OnnxFloor : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string[] pastNames;
    private readonly string[] outputNames;
    private readonly bool feedsPositionIds;
    private readonly int kvHeads;
    private readonly int headSize;
    private readonly TensorElementType kvType;
    private readonly int kvElementSize;
    private OrtValue[] past;
    private readonly List<IDisposable> owned = [];
    private int held;

    /// <param name="modelFolder">The GenAI model folder whose decoder graph is run.</param>
    /// <param name="threading">The intra-op threading the harness's GenAI session ran with (<see cref="IntraOpThreading"/>).</param>
    public OnnxFloor(string modelFolder, IntraOpThreading threading)
    {
        using var config = JsonDocument.Parse(ModelFolderSandbox.ReadParsedFile(Path.Combine(modelFolder, "genai_config.json")));
        var decoder = config.RootElement.GetProperty("model").GetProperty("decoder");
        kvHeads = decoder.GetProperty("num_key_value_heads").GetInt32();
        headSize = decoder.GetProperty("head_size").GetInt32();
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = threading.Threads };
        sessionOptions.AddSessionConfigEntry(IntraOpThreading.AllowSpinningKey, threading.Spins ? "1" : "0");
        if (decoder.TryGetProperty("session_options", out var settings) && settings.TryGetProperty("inter_op_num_threads", out var inter))
        {
            sessionOptions.InterOpNumThreads = inter.GetInt32();
        }

        session = new InferenceSession(Path.Combine(modelFolder, decoder.GetProperty("filename").GetString()!), sessionOptions);
        pastNames = [.. session.InputMetadata.Keys.Where(name => name.StartsWith("past_key_values.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        outputNames = ["logits", .. pastNames.Select(name => "present." + name["past_key_values.".Length..])];
        feedsPositionIds = session.InputMetadata.ContainsKey("position_ids");
        kvType = session.InputMetadata[pastNames[0]].ElementDataType;
        kvElementSize = kvType == TensorElementType.Float ? 4 : 2;
        past = Empty();
    }

    /// <summary>Replays <paramref name="records"/> and returns seconds in session runs and seconds reading the needed rows.</summary>
    public (double ForwardSeconds, double ReadSeconds) Replay(IEnumerable<PrefillRecord> records)
    {
        var forward = TimeSpan.Zero;
        var read = TimeSpan.Zero;
        var checksum = 0.0;
        foreach (var record in records)
        {
            var stopwatch = Stopwatch.StartNew();
            if (record.Start != held)
            {
                past = Truncated(record.Start);
            }

            var n = record.Tokens.Length;
            var total = record.Start + n;
            using var inputIds = OrtValue.CreateTensorValueFromMemory(record.Tokens.Select(t => (long)t).ToArray(), [1, n]);
            using var mask = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, total).ToArray(), [1, total]);
            using var positions = OrtValue.CreateTensorValueFromMemory(Enumerable.Range(record.Start, n).Select(p => (long)p).ToArray(), [1, n]);
            var names = new List<string> { "input_ids", "attention_mask" };
            var values = new List<OrtValue> { inputIds, mask };
            if (feedsPositionIds)
            {
                names.Add("position_ids");
                values.Add(positions);
            }

            names.AddRange(pastNames);
            values.AddRange(past);
            var outputs = session.Run(runOptions, names, values, outputNames);
            forward += stopwatch.Elapsed;

            stopwatch.Restart();
            var logits = outputs[0];
            var shape = logits.GetTensorTypeAndShape().Shape;
            var rows = (int)shape[1];
            var vocab = (int)shape[2];
            for (var row = record.ReadsEveryRow ? 0 : rows - 1; row < rows; row++)
            {
                checksum += ReadRow(logits, row, vocab);
            }

            ReleaseOwned();
            owned.Add(outputs);
            past = [.. outputs.Skip(1)];
            held = total;
            read += stopwatch.Elapsed;
        }

        GC.KeepAlive(checksum);
        return (forward.TotalSeconds, read.TotalSeconds);
    }

    private static double ReadRow(OrtValue logits, int row, int vocab)
    {
        if (logits.GetTensorTypeAndShape().ElementDataType == TensorElementType.Float16)
        {
            var halves = logits.GetTensorDataAsSpan<Float16>().Slice(row * vocab, vocab);
            var widened = new float[vocab];
            for (var i = 0; i < vocab; i++)
            {
                widened[i] = halves[i].ToFloat();
            }

            return LogSoftmaxRow.LogSumExp(widened);
        }

        return LogSoftmaxRow.LogSumExp(logits.GetTensorDataAsSpan<float>().Slice(row * vocab, vocab));
    }

    private OrtValue[] Empty()
    {
        held = 0;
        var values = Allocated(0);
        owned.AddRange(values);
        return values;
    }

    /// <summary>The first <paramref name="length"/> positions of every past tensor, copied into new tensors.</summary>
    private OrtValue[] Truncated(int length)
    {
        if (length > held)
        {
            throw new InvalidOperationException($"the harness appended after position {length} while the floor holds {held} tokens.");
        }

        var result = Allocated(length);
        var heldBytes = (long)held * headSize * kvElementSize;
        var keptBytes = (long)length * headSize * kvElementSize;
        for (var i = 0; i < result.Length && length > 0; i++)
        {
            var source = past[i].GetTensorDataAsSpan<byte>();
            var target = result[i].GetTensorMutableRawData();
            for (var head = 0; head < kvHeads; head++)
            {
                source.Slice((int)(head * heldBytes), (int)keptBytes).CopyTo(target.Slice((int)(head * keptBytes), (int)keptBytes));
            }
        }

        ReleaseOwned();
        owned.AddRange(result);
        held = length;
        return result;
    }

    private OrtValue[] Allocated(int length)
    {
        return [.. pastNames.Select(_ => OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, kvType, [1, kvHeads, length, headSize]))];
    }

    private void ReleaseOwned()
    {
        foreach (var value in owned)
        {
            value.Dispose();
        }

        owned.Clear();
    }

    public void Dispose()
    {
        ReleaseOwned();
        runOptions.Dispose();
        session.Dispose();
    }
}
