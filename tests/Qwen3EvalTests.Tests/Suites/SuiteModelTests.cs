using Qwen3EvalTests.Models;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Tests.Suites;

public sealed class SuiteModelTests
{
    private static readonly SuiteModel Qwen72B = new("qwen2-72b-instruct", ModelKind.Instruct, "Qwen2-72B-Instruct", "Qwen/Qwen2-72B-Instruct", null, [null], null);

    [Theory]
    [InlineData("Qwen/Qwen2-72B-Instruct", true)] // vllm serve Qwen/Qwen2-72B-Instruct
    [InlineData("qwen2-72b-instruct", true)] // --served-model-name qwen2-72b-instruct
    [InlineData("Qwen2-72B-Instruct.gguf", true)] // llama-server names the model by its file
    [InlineData("/models/Qwen2-72B-Instruct/", true)]
    [InlineData("Qwen/Qwen2-7B-Instruct", false)]
    [InlineData("Qwen2-72B", false)]
    public void AServedModelNameIsTheSuiteModelsByIdFolderOrHuggingFaceName(string served, bool expected) =>
        Qwen72B.Serves(served).Should().Be(expected);
}
