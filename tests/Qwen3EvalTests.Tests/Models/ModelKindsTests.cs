using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Models;

public class ModelKindsTests
{
    [Theory]
    [InlineData("Qwen2.5-7B-Instruct", false, ModelKind.Instruct, ModelKindSource.Name)]
    [InlineData("Qwen-7B-Chat", false, ModelKind.Instruct, ModelKindSource.Name)]
    [InlineData("Qwen3-8B-Base", true, ModelKind.Base, ModelKindSource.Name)]
    [InlineData("Qwen3-8B", true, ModelKind.Instruct, ModelKindSource.Config)]
    [InlineData("Qwen3-8B", false, ModelKind.Base, ModelKindSource.Default)]
    public void AnUndeclaredKindComesFromTheNameThenTheSamplingDefaults(string folder, bool configSamples, ModelKind kind, ModelKindSource source) =>
        ModelKinds.Resolve(declared: null, folder, configSamples).Should().Be((kind, source));

    [Fact]
    public void ADeclaredKindBeatsTheNameAndTheConfig() =>
        ModelKinds.Resolve(ModelKind.Base, "Qwen2.5-7B-Instruct", configSamples: true).Should().Be((ModelKind.Base, ModelKindSource.Declared));

    [Fact]
    public void AnUnknownKindIdIsAnErrorNamingTheOption() =>
        FluentActions.Invoking(() => ModelKinds.Parse("chat", "--kind")).Should().Throw<EvalInputException>()
            .WithMessage("--kind: 'chat' is not a model kind; expected base or instruct.");
}
