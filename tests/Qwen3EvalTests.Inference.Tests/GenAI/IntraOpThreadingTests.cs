using System.Text.Json;
using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>
/// How GenAI's intra-op threads run. GenAI 0.18 alone uses hardware_concurrency / 2 (src/models/model.cpp), and the model
/// builder writes neither a thread count nor a spinning policy (builders/base.py's session_options: log_id and
/// provider_options only).
/// </summary>
public sealed class IntraOpThreadingTests : IDisposable
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
    public void ABuilderConfigGetsEveryCoreWithoutSpinning()
    {
        var config = Config("""{"log_id":"onnxruntime-genai","provider_options":[]}""");

        IntraOpThreading.Configured(config).Should().Be(((int?)null, (bool?)null));
        IntraOpThreading.Resolve(null, config).Should().Be(new IntraOpThreading(Environment.ProcessorCount, Spins: false));
    }

    [Fact]
    public void TheFoldersOwnSettingsAreKept()
    {
        var config = Config("""{"intra_op_num_threads":3,"session.intra_op.allow_spinning":"1","provider_options":[]}""");

        IntraOpThreading.Resolve(null, config).Should().Be(new IntraOpThreading(3, Spins: true));
    }

    [Fact]
    public void AnAskedForCountBeatsTheFolders()
    {
        var config = Config("""{"intra_op_num_threads":3}""");

        IntraOpThreading.Resolve(1, config).Should().Be(new IntraOpThreading(1, Spins: false));
    }

    [Fact]
    public void TheOverlaySetsTheDecoderSessionsThreadCountAndSpinning()
    {
        using var overlay = JsonDocument.Parse(new IntraOpThreading(2, Spins: false).Overlay());

        var session = overlay.RootElement.GetProperty("model").GetProperty("decoder").GetProperty("session_options");
        session.GetProperty("intra_op_num_threads").GetInt32().Should().Be(2);
        session.GetProperty("session.intra_op.allow_spinning").GetString().Should().Be("0");
    }

    [Fact]
    public void AModelLoadsWithTheThreadingItReportsAndScoresTheSameOnOneThread()
    {
        var tiny = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var cores = GenAiLanguageModel.Load(tiny);
        using var one = GenAiLanguageModel.Load(tiny, new GenAiModelOptions(IntraOpThreads: 1));
        var request = new Models.LogLikelihoodRequest("Question: 2 + 2?\nAnswer:", [" A", " B"], NextTokenOnly: true);

        cores.Threading.Should().Be(new IntraOpThreading(Environment.ProcessorCount, Spins: false));
        one.Threading.Threads.Should().Be(1);
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
