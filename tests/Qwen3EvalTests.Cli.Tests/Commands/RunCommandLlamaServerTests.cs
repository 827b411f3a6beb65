using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Tests;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary>
/// <c>qwen3eval run --engine openai</c> against a real llama.cpp llama-server (eng/llama-server.sh) on the generated model's
/// model.gguf: the same answers as <c>--engine genai</c> on every sample benchmark, log-likelihoods within 1e-3, for the qwen
/// and lm-eval protocols (byte tokenizer: llama.cpp's /completion returns the top n_probs, the whole 300-token vocabulary here).
/// </summary>
public sealed class RunCommandLlamaServerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-run-llama-server-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("qwen")]
    [InlineData("lm-eval")]
    public async Task GivesGenAisAnswersOnEveryBenchmarkOfTheSample(string protocol)
    {
        var binary = LlamaServerProcess.BinaryPath;
        if (SkipRequirements.LlamaServer(binary) is { } reason)
        {
            Assert.Skip(reason);
        }

        var model = TinyModelCache.GetOrCreate(new TinyModelSpec(Export: TinyModelExport.Legacy), Path.Combine(AppContext.BaseDirectory, "tiny-models"));
        using var server = LlamaServerProcess.Start(binary, Path.Combine(model, "model.gguf"));
        ResultsFile[] Results(string engine, CliRun run, string modelName)
        {
            run.ExitCode.Should().Be(0, $"{engine}: {run.Stderr}");
            return Directory.EnumerateFiles(Path.Combine(_folder, engine, modelName), "*.json").Order().Select(ResultsFile.Read).ToArray();
        }

        string[] common = ["--protocol", protocol, "--limit", "1", "--no-cache", "--kind", "base"];
        var genai = Results("genai", await CliRun.RunAsync(["run", "--engine", "genai", "--model", model, .. common, "--out", Path.Combine(_folder, "genai")]), Path.GetFileName(model));
        var served = Results("served", await CliRun.RunAsync(["run", "--engine", "openai", "--endpoint", server.Endpoint.ToString(), "--model", model, .. common, "--out", Path.Combine(_folder, "served")]), "model");

        served.Should().HaveCount(3, "mmlu, ceval and cmmlu");
        for (var b = 0; b < genai.Length; b++)
        {
            served[b].Run.Environment.Engine.Should().StartWith("llama.cpp server");
            served[b].Questions.Should().HaveCount(genai[b].Questions.Count);
            foreach (var (g, s) in genai[b].Questions.Zip(served[b].Questions))
            {
                var where = $"{genai[b].Run.Settings.Benchmark} {g.Subject} #{g.Index}";
                s.Predicted.Should().Be(g.Predicted, where);
                s.LogLikelihoods.Should().Equal(g.LogLikelihoods!, (x, y) => Math.Abs(x - y) <= 1e-3, where);
            }
        }
    }
}
