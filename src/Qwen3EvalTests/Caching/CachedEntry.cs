using System.Text.Json.Serialization;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Caching;

/// <summary>
/// The JSON stored in a cache row. <see cref="Key"/> repeats the row's key hash so a row that does not
/// belong to its key (a damaged or tampered file) is detected on read and ignored.
/// </summary>
/// <param name="Format"><see cref="RequestCacheKey.FormatVersion"/> at write time.</param>
/// <param name="Key">The key hash the result answers.</param>
/// <param name="Score">A score request's result.</param>
/// <param name="Generation">A generate request's text.</param>
public sealed record CachedEntry(int Format, string Key, LogLikelihoodResult? Score, string? Generation);

/// <summary>The one serializer context of the request cache's stored JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CachedEntry))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
