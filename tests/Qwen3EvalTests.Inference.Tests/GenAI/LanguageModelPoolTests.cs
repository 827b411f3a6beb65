using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class LanguageModelPoolTests
{
    [Fact]
    public void LoadsAFolderOnceAndSharesIt()
    {
        using var pool = new LanguageModelPool();
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);

        var first = pool.Get(folder);
        var second = pool.Get(folder + Path.DirectorySeparatorChar + ".");
        var batched = pool.Get(folder, new GenAiModelOptions(BatchSize: 2));

        second.Should().BeSameAs(first);
        batched.Should().NotBeSameAs(first);
    }

    [Fact]
    public void DoesNotCacheAFolderThatFailedToLoad()
    {
        using var pool = new LanguageModelPool();
        var missing = Path.Combine(Path.GetTempPath(), $"no-model-{Guid.NewGuid():N}");

        var load = () => pool.Get(missing);

        load.Should().Throw<EvalInputException>();
        load.Should().Throw<EvalInputException>();
    }
}
