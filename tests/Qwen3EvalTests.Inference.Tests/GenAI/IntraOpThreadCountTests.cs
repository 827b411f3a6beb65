using System.Text.Json;
using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>
/// Which intra-op thread count GenAI gets. GenAI 0.18 alone uses hardware_concurrency / 2 (src/models/model.cpp), and the
/// model builder writes no intra_op_num_threads (builders/base.py's session_options: log_id and provider_options only).
/// </summary>
public sealed class IntraOpThreadCountTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("qwen3eval-threads-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Config(string sessionOptions)
    {
        var path = Path.Combine(folder, "genai_config.json");
        File.WriteAllText(path, "{\"model\":{\"decoder\":{\"session_options\":" + sessionOptions + ",\"filename\":\"model.onnx\"}}}");
        return path;
    }

    [Fact]
    public void ABuilderConfigWithoutAThreadCountGetsEveryCore()
    {
        var config = Config("""{"log_id":"onnxruntime-genai","provider_options":[]}""");

        IntraOpThreadCount.Configured(config).Should().BeNull();
        IntraOpThreadCount.Resolve(null, config).Should().Be(Environment.ProcessorCount);
    }

    [Fact]
    public void TheFoldersOwnThreadCountIsKept()
    {
        var config = Config("""{"intra_op_num_threads":3,"provider_options":[]}""");

        IntraOpThreadCount.Resolve(null, config).Should().Be(3);
    }

    [Fact]
    public void AnAskedForCountBeatsTheFolders()
    {
        var config = Config("""{"intra_op_num_threads":3}""");

        IntraOpThreadCount.Resolve(1, config).Should().Be(1);
    }

    [Fact]
    public void TheOverlaySetsTheDecoderSessionsThreadCount()
    {
        using var overlay = JsonDocument.Parse(IntraOpThreadCount.Overlay(2));

        overlay.RootElement.GetProperty("model").GetProperty("decoder").GetProperty("session_options").GetProperty("intra_op_num_threads").GetInt32().Should().Be(2);
    }

    [Fact]
    public void AModelLoadsWithTheCountItReportsAndScoresTheSameOnOneThread()
    {
        var tiny = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var cores = GenAiLanguageModel.Load(tiny);
        using var one = GenAiLanguageModel.Load(tiny, new GenAiModelOptions(IntraOpThreads: 1));
        var request = new Models.LogLikelihoodRequest("Question: 2 + 2?\nAnswer:", [" A", " B"], NextTokenOnly: true);

        cores.IntraOpThreads.Should().Be(Environment.ProcessorCount);
        one.IntraOpThreads.Should().Be(1);
        one.Score([request], TestContext.Current.CancellationToken)[0].Continuations
            .Should().Equal(cores.Score([request], TestContext.Current.CancellationToken)[0].Continuations, "CPU logits do not depend on the thread count");
    }

    [Fact]
    public void AThreadCountBelowOneIsRefused()
    {
        var tiny = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);

        FluentActions.Invoking(() => GenAiLanguageModel.Load(tiny, new GenAiModelOptions(IntraOpThreads: 0)))
            .Should().Throw<EvalInputException>().WithMessage("*intra-op thread count 0 must be at least 1*");
    }
}
