using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Provenance;

/// <summary>The <see cref="ModelIdentity"/> of a model folder.</summary>
public static class ModelFolderIdentity
{
    /// <summary>The identity of <paramref name="folder"/> by <see cref="ModelFileHashes"/> (hashed once per process for an unchanged folder).</summary>
    public static ModelIdentity Of(string folder, string executionProvider) =>
        new(ModelFileHashes.Combined(ModelFileHashes.Of(folder)), executionProvider);
}
