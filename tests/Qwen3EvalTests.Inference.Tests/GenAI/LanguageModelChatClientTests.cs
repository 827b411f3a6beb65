using Microsoft.Extensions.AI;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class LanguageModelChatClientTests
{
    [Fact]
    public async Task PlantedInstructModelAnswersWithItsLetterThroughIChatClient()
    {
        var spec = new TinyModelSpec(Seed: 9, PlantedAnswer: 'D', Kind: ModelKind.Instruct);
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(spec));
        using IChatClient client = new LanguageModelChatClient(model);

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Which is right? A, B, C or D?")],
            new ChatOptions { MaxOutputTokens = 2 },
            TestContext.Current.CancellationToken);

        response.Text.Should().Be("DD");
    }
}
