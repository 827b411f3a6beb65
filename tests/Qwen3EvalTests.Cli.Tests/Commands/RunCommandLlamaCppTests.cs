using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary>
/// <c>qwen3eval run --engine llamacpp</c> on the shipped sample: the same answers as <c>--engine genai</c> on every question of
/// every benchmark, with log-likelihoods within 1e-3, for the qwen and lm-eval protocols, on the fp32 (legacy) export of both
/// tiny tokenizers (the int4 exports quantize activations, see LlamaCppLanguageModelTests).
/// </summary>
public sealed class RunCommandLlamaCppTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-run-llamacpp-").FullName;

    public static TheoryData<string, string> Cases { get; } = new()
    {
        { "bytes", "qwen" },
        { "bytes", "lm-eval" },
        { "qwen3", "qwen" },
        { "qwen3", "lm-eval" },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ModelFolder(string tokenizer) => TinyModelCache.GetOrCreate(
        tokenizer == "qwen3"
            ? new TinyModelSpec(Seed: 5, Tokenizer: TinyTokenizerKind.Qwen3, HiddenSize: 32, Heads: 2, KvHeads: 1, Intermediate: 64, Export: TinyModelExport.Legacy)
            : new TinyModelSpec(Export: TinyModelExport.Legacy),
        Path.Combine(AppContext.BaseDirectory, "tiny-models"));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GivesGenAisAnswersOnEveryBenchmarkOfTheSample(string tokenizer, string protocol)
    {
        var model = ModelFolder(tokenizer);
        ResultsFile[] Run(string engine, CliRun run)
        {
            run.ExitCode.Should().Be(0, $"{engine}: {run.Stderr}");
            return Directory.EnumerateFiles(Path.Combine(_folder, engine, Path.GetFileName(model)), "*.json").Order().Select(ResultsFile.Read).ToArray();
        }

        string[] Args(string engine) => ["run", "--engine", engine, "--model", model, "--protocol", protocol, "--limit", "2", "--no-cache", "--out", Path.Combine(_folder, engine)];
        var genai = Run("genai", await CliRun.RunAsync(Args("genai")));
        var llama = Run("llamacpp", await CliRun.RunAsync(Args("llamacpp")));

        genai.Should().HaveCount(3, "mmlu, ceval and cmmlu");
        llama.Should().HaveCount(3);
        for (var b = 0; b < genai.Length; b++)
        {
            llama[b].Run.Environment.Engine.Should().StartWith("LLamaSharp 0.30.0 (llama.cpp 815a2a5, cpu; flash_attn off, kv f32");
            llama[b].Questions.Should().HaveCount(genai[b].Questions.Count);
            foreach (var (g, l) in genai[b].Questions.Zip(llama[b].Questions))
            {
                var where = $"{genai[b].Run.Settings.Benchmark} {g.Subject} #{g.Index}";
                l.Predicted.Should().Be(g.Predicted, where);
                l.PromptTokens.Should().Be(g.PromptTokens, where);
                l.LogLikelihoods.Should().Equal(g.LogLikelihoods!, (x, y) => Math.Abs(x - y) <= 1e-3, where);
            }
        }
    }

    [Fact]
    public async Task RefusesCudaAndBatchingTogetherBeforeLoading()
    {
        var run = await CliRun.RunAsync("run", "--engine", "llamacpp", "--device", "cuda", "--batch-size", "4", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("--device").And.Contain("LLamaSharp's CPU backend").And.Contain("--batch-size").And.Contain("does not apply to --engine llamacpp");
    }

    [Fact]
    public async Task NamesTheMissingGgufOfAPlantedModel()
    {
        var planted = TinyModelCache.GetOrCreate(new TinyModelSpec(Seed: 7, PlantedAnswer: 'C'), Path.Combine(AppContext.BaseDirectory, "tiny-models"));

        var run = await CliRun.RunAsync("run", "--engine", "llamacpp", "--model", planted, "--benchmark", "mmlu", "--limit", "1", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain(Path.Combine(planted, "model.gguf"));
    }
}
