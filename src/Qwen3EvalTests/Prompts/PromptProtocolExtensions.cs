using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>Convenience over <see cref="IPromptProtocol.Render"/>: choose the shots from the dev rows, then render.</summary>
public static class PromptProtocolExtensions
{
    /// <param name="protocol">The protocol.</param>
    /// <param name="question">The question to render.</param>
    /// <param name="subject">Its subject.</param>
    /// <param name="dev">The subject's dev rows in file order.</param>
    /// <param name="shots">How many shots; null: the protocol's default.</param>
    /// <param name="chat">Chat form.</param>
    /// <param name="chatOptions">Chat layout.</param>
    /// <exception cref="EvalInputException">Fewer dev rows than shots.</exception>
    public static RenderedPrompt Render(
        this IPromptProtocol protocol,
        Question question,
        SubjectInfo subject,
        IReadOnlyList<Question> dev,
        int? shots = null,
        bool chat = false,
        ChatOptions? chatOptions = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(question);
        var count = shots ?? protocol.Settings(question.Benchmark, chat).DefaultShots;
        return protocol.Render(new PromptRequest(question, subject, ShotSelection.FirstK(dev, count), chat, chatOptions));
    }
}
