using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Tests.Prompts;

public class ChatMlTests
{
    [Fact]
    public void RendersSystemUserAndGenerationHeader() =>
        ChatMl.Render([new ChatTurn("system", "S"), new ChatTurn("user", "U")], enableThinking: null)
            .Should().Be("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n");

    [Fact]
    public void ThinkingOffAppendsAnEmptyThinkBlock() =>
        ChatMl.Render([new ChatTurn("user", "U")], enableThinking: false)
            .Should().Be("<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");

    [Fact]
    public void ThinkingOnAppendsNothing() =>
        ChatMl.Render([new ChatTurn("user", "U")], enableThinking: true)
            .Should().Be("<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n");
}
