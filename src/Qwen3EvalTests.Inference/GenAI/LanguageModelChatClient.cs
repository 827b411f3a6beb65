using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// <see cref="IChatClient"/> over an <see cref="ILanguageModel"/>: renders the messages with the model's own chat template,
/// generates, and returns the text. Streaming yields the whole response as one update. The caller keeps owning the model.
/// </summary>
public sealed class LanguageModelChatClient(ILanguageModel model, GenerationSettings? defaults = null) : IChatClient
{
    private readonly GenerationSettings defaults = defaults ?? new GenerationSettings(MaxNewTokens: 256);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var turns = messages.Select(message => new ChatTurn(message.Role.Value, message.Text)).ToList();
        var prompt = model.ApplyChatTemplate(turns, addGenerationPrompt: true);
        var text = model.Generate(prompt, Settings(options), cancellationToken);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = model.Info.Name });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceKey is null && serviceType.IsInstanceOfType(model) ? model
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("onnxruntime-genai", null, model.Info.Name)
        : null;

    /// <summary>Does not dispose the model: its owner does.</summary>
    public void Dispose()
    {
    }

    private GenerationSettings Settings(ChatOptions? options) => options is null ? defaults : defaults with
    {
        MaxNewTokens = options.MaxOutputTokens ?? defaults.MaxNewTokens,
        Temperature = options.Temperature ?? defaults.Temperature,
        Seed = options.Seed is { } seed ? (int)seed : defaults.Seed,
        StopStrings = options.StopSequences is { Count: > 0 } stops ? [.. stops] : defaults.StopStrings,
    };
}
