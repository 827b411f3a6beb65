using Qwen3EvalTests.Inference.Engines;

namespace Qwen3EvalTests.Inference.Tests.Engines;

public sealed class LanguageModelPoolTests
{
    [Fact]
    public void OpensASpecOnceAndSharesIt()
    {
        using var pool = new LanguageModelPool();
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);

        var first = pool.Get(EngineSpec.GenAi(folder), TestContext.Current.CancellationToken);
        var second = pool.Get(EngineSpec.GenAi(folder + Path.DirectorySeparatorChar + "."), TestContext.Current.CancellationToken);
        var batched = pool.Get(EngineSpec.GenAi(folder, batchSize: 2), TestContext.Current.CancellationToken);

        second.Should().BeSameAs(first);
        batched.Should().NotBeSameAs(first);
    }

    [Fact]
    public void DoesNotRememberASpecThatFailedToOpen()
    {
        using var pool = new LanguageModelPool();
        var missing = Path.Combine(Path.GetTempPath(), $"no-model-{Guid.NewGuid():N}");

        var load = () => pool.Get(EngineSpec.GenAi(missing), TestContext.Current.CancellationToken);

        load.Should().Throw<EvalInputException>();
        load.Should().Throw<EvalInputException>();
    }
}
