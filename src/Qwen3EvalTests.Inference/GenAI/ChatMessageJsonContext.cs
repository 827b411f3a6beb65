using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>Source-generated JSON for chat messages passed to the chat template.</summary>
[JsonSerializable(typeof(ChatMessageJson[]))]
internal sealed partial class ChatMessageJsonContext : JsonSerializerContext;
