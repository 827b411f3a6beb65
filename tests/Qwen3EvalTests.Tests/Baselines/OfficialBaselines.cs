using Qwen3EvalTests.Assertions;
using Qwen3EvalTests.Baselines;

namespace Qwen3EvalTests.Tests.Baselines;

/// <summary>The shipped catalog, loaded once per test run.</summary>
internal static class OfficialBaselines
{
    private static readonly Lazy<BaselineCatalog> Catalog = new(() => BaselineCatalog.Load(RepositoryFiles.PathOf(BaselineCatalog.RelativePath)));

    public static BaselineCatalog Load() => Catalog.Value;
}
