using System.Buffers.Binary;
using Onnx;
using Qwen3EvalTests.Inference.TinyModels;

namespace Qwen3EvalTests.Inference.Tests.TinyModels;

/// <summary>
/// model.gguf beside model.onnx, read back with an independent reader: the keys and types llama.cpp's qwen3 loader reads
/// (src/llama-arch.cpp, llama-model.cpp), tensor names and innermost-first dims, 32-byte alignment, and the same weights as the
/// fp32 ONNX graph. That llama.cpp loads it and computes what GenAI computes is checked by the llama.cpp backend's tests.
/// </summary>
public sealed class Qwen3GgufTests
{
    private const uint UInt32 = 4;
    private const uint Float32 = 6;
    private const uint Bool = 7;
    private const uint String = 8;
    private const uint Array = 9;

    [Fact]
    public void ByteVocabularyModelHasTheQwen3KeysLlamaCppReads()
    {
        var spec = TinyModelFixture.BytesSpec;
        var gguf = GgufTestReader.Read(Path.Combine(TinyModelFixture.Folder(spec), "model.gguf"));
        var kv = gguf.Metadata;

        gguf.Version.Should().Be(3u);
        kv["general.architecture"].Should().Be((String, "qwen3"));
        kv["qwen3.block_count"].Should().Be((UInt32, 2u));
        kv["qwen3.context_length"].Should().Be((UInt32, 4096u));
        kv["qwen3.embedding_length"].Should().Be((UInt32, 64u));
        kv["qwen3.feed_forward_length"].Should().Be((UInt32, 128u));
        kv["qwen3.attention.head_count"].Should().Be((UInt32, 4u));
        kv["qwen3.attention.head_count_kv"].Should().Be((UInt32, 2u));
        kv["qwen3.attention.key_length"].Should().Be((UInt32, 16u));
        kv["qwen3.attention.value_length"].Should().Be((UInt32, 16u));
        kv["qwen3.rope.freq_base"].Should().Be((Float32, 1_000_000f), "Qwen3's rope_theta; llama.cpp's default is 10000");
        kv["qwen3.attention.layer_norm_rms_epsilon"].Should().Be((Float32, 1e-6f));

        kv["tokenizer.ggml.model"].Should().Be((String, "gpt2"));
        kv["tokenizer.ggml.pre"].Should().Be((String, "qwen2"));
        kv["tokenizer.ggml.bos_token_id"].Should().Be((UInt32, 256u), "<|endoftext|>");
        kv["tokenizer.ggml.eos_token_id"].Should().Be((UInt32, 258u), "<|im_end|>");
        kv["tokenizer.ggml.padding_token_id"].Should().Be((UInt32, 256u));
        kv["tokenizer.ggml.add_bos_token"].Should().Be((Bool, false));
        kv["tokenizer.chat_template"].Type.Should().Be(String);
        ((string)kv["tokenizer.chat_template"].Value).Should().Contain("<|im_start|>");

        kv["tokenizer.ggml.merges"].Type.Should().Be(Array);
        ((object[])kv["tokenizer.ggml.merges"].Value).Should().BeEmpty("a byte vocabulary has no merges");
        var tokens = (object[])kv["tokenizer.ggml.tokens"].Value;
        var types = (object[])kv["tokenizer.ggml.token_type"].Value;
        tokens.Should().HaveCount(300, "one token per row of the embedding");
        types.Should().HaveCount(300).And.AllBeOfType<int>();
        tokens[65].Should().Be("A");
        tokens[32].Should().Be("\u0120", "GPT-2's byte symbol for a space");
        tokens[10].Should().Be("\u010A", "GPT-2's byte symbol for a newline");
        tokens[256].Should().Be("<|endoftext|>");
        tokens[258].Should().Be("<|im_end|>");
        tokens[299].Should().Be("[PAD299]");
        (types[65], types[256], types[258], types[299]).Should().Be((1, 3, 3, 5), "normal, control, control, unused (gguf-py TokenType)");
    }

    [Fact]
    public void TensorsHaveLlamaCppsNamesInnermostFirstDimsAndAlignedData()
    {
        var spec = TinyModelFixture.BytesSpec;
        var gguf = GgufTestReader.Read(Path.Combine(TinyModelFixture.Folder(spec), "model.gguf"));
        var tensors = gguf.Tensors.ToDictionary(t => t.Name);

        var expected = new Dictionary<string, long[]>
        {
            ["token_embd.weight"] = [64, 300],
            ["output_norm.weight"] = [64],
        };
        for (var layer = 0; layer < spec.Layers; layer++)
        {
            expected[$"blk.{layer}.attn_norm.weight"] = [64];
            expected[$"blk.{layer}.attn_q.weight"] = [64, 64];
            expected[$"blk.{layer}.attn_k.weight"] = [64, 32];
            expected[$"blk.{layer}.attn_v.weight"] = [64, 32];
            expected[$"blk.{layer}.attn_q_norm.weight"] = [16];
            expected[$"blk.{layer}.attn_k_norm.weight"] = [16];
            expected[$"blk.{layer}.attn_output.weight"] = [64, 64];
            expected[$"blk.{layer}.ffn_norm.weight"] = [64];
            expected[$"blk.{layer}.ffn_gate.weight"] = [64, 128];
            expected[$"blk.{layer}.ffn_up.weight"] = [64, 128];
            expected[$"blk.{layer}.ffn_down.weight"] = [128, 64];
        }

        tensors.Keys.Should().BeEquivalentTo(expected.Keys, "no output.weight: the LM head is tied to token_embd");
        foreach (var (name, dims) in expected)
        {
            tensors[name].Dims.Should().Equal(dims, name);
            tensors[name].Type.Should().Be(0u, $"{name} is F32");
        }

        (gguf.DataOffset % 32).Should().Be(0);
        var ordered = gguf.Tensors.OrderBy(t => t.Offset).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            (ordered[i].Offset % 32).Should().Be(0, $"{ordered[i].Name} starts aligned");
            var end = ordered[i].Offset + (ordered[i].Dims.Aggregate(1L, (p, d) => p * d) * 4);
            if (i + 1 < ordered.Count)
            {
                end.Should().BeLessThanOrEqualTo(ordered[i + 1].Offset, $"{ordered[i].Name} does not overlap {ordered[i + 1].Name}");
            }
            else
            {
                (gguf.DataOffset + end).Should().BeLessThanOrEqualTo(gguf.FileLength);
            }
        }
    }

    [Fact]
    public void TensorsHoldTheFp32GraphsWeights()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("legacy"));
        var path = Path.Combine(folder, "model.gguf");
        var gguf = GgufTestReader.Read(path);
        var onnx = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(folder, "model.onnx")));
        float[] Initializer(string name)
        {
            var raw = onnx.Graph.Initializer.Single(t => t.Name == name).RawData.Span;
            var values = new float[raw.Length / 4];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]);
            }

            return values;
        }

        // The embedding [vocab, hidden] row-major is ne = [hidden, vocab] with the same bytes.
        gguf.ReadF32(path, gguf.Tensors.Single(t => t.Name == "token_embd.weight")).Should().Equal(Initializer("model.embed_tokens.weight"));

        // The legacy graph's MatMul right-hand side is [in, out]; GGUF holds PyTorch's [out, in] rows: ne = [in, out], element (o, i) at o·in + i.
        var q = gguf.ReadF32(path, gguf.Tensors.Single(t => t.Name == "blk.1.attn_q.weight"));
        var onnxQ = Initializer("model.layers.1.self_attn.q_proj.weight");
        const int In = 64, Out = 64;
        for (var o = 0; o < Out; o++)
        {
            for (var i = 0; i < In; i++)
            {
                q[(o * In) + i].Should().Be(onnxQ[(i * Out) + o], $"q_proj[{o}, {i}]");
            }
        }

        gguf.ReadF32(path, gguf.Tensors.Single(t => t.Name == "blk.0.attn_k_norm.weight")).Should().Equal(Initializer("model.layers.0.self_attn.k_norm.weight"));
        gguf.ReadF32(path, gguf.Tensors.Single(t => t.Name == "output_norm.weight")).Should().Equal(Initializer("model.norm.weight"));
    }

    [Fact]
    public void Qwen3TokenizerModelCarriesTheWholeVocabularyAndItsMerges()
    {
        var gguf = GgufTestReader.Read(Path.Combine(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec), "model.gguf"));
        var tokens = (object[])gguf.Metadata["tokenizer.ggml.tokens"].Value;
        var types = (object[])gguf.Metadata["tokenizer.ggml.token_type"].Value;
        var merges = (object[])gguf.Metadata["tokenizer.ggml.merges"].Value;

        tokens.Should().HaveCount(151_936);
        merges.Should().HaveCountGreaterThan(100_000);
        merges[0].Should().Be("\u0120 \u0120", "tokenizer.json's first merge, the pair ['Ġ', 'Ġ'], as 'a b'");
        (tokens[151_643], types[151_643]).Should().Be(("<|endoftext|>", 3));
        (tokens[151_667], types[151_667]).Should().Be(("<think>", 4), "an added token that is not special is user-defined");
        (tokens[151_935], types[151_935]).Should().Be(("[PAD151935]", 5));
        gguf.Metadata["tokenizer.ggml.bos_token_id"].Should().Be((UInt32, 151_643u));
        gguf.Metadata["tokenizer.ggml.eos_token_id"].Should().Be((UInt32, 151_645u));
        gguf.Metadata["qwen3.embedding_length"].Should().Be((UInt32, 32u));
        ((string)gguf.Metadata["tokenizer.chat_template"].Value).Should().Contain("<|im_start|>", "Qwen3's own template, which builder-shaped exports keep");
    }

    [Fact]
    public void PlantedModelsGetNoGgufBecauseLlamaCppsQwen3HasNoOutputBias()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.PlantedBytesSpec('C'));

        File.Exists(Path.Combine(folder, "model.onnx")).Should().BeTrue();
        File.Exists(Path.Combine(folder, "model.gguf")).Should().BeFalse();
    }
}
