using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>Source-generated JSON for tiny_model.json.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TinyModelManifest))]
internal sealed partial class TinyModelJsonContext : JsonSerializerContext;
