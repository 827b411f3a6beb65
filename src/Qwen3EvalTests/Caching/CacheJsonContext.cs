using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Caching;

/// <summary>The one serializer context of the request cache's stored JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CachedEntry))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
