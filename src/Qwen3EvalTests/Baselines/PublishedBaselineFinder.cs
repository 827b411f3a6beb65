using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Baselines;

/// <summary>
/// The published number a run of a model is set against, outside a suite case: the gate baseline of the catalogue whose
/// model is the run's model — by a suite's model entry that serves the name (its id, folder or Hugging Face id), else by
/// the catalogue's own model id or the model name as the source writes it ("Qwen2-1.5B"), ignoring case — of the same
/// kind, benchmark and thinking mode. Null when the catalogue knows no such number.
/// </summary>
public static class PublishedBaselineFinder
{
    /// <param name="catalog">The baselines catalogue.</param>
    /// <param name="modelName">The run's model name (its folder name, or the served model's name).</param>
    /// <param name="kind">The run's model kind.</param>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="mode">"thinking" / "non-thinking" for a Qwen3 post-trained run, else null.</param>
    /// <param name="suiteModels">Models of the suites in reach, which map folder names to model ids.</param>
    public static Baseline? For(BaselineCatalog catalog, string modelName, ModelKind kind, Benchmark benchmark, string? mode, IEnumerable<SuiteModel>? suiteModels = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(modelName);
        var ids = (suiteModels ?? []).Where(m => m.Kind == kind && m.Serves(modelName)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        // The folder's name, and without an extension (a GGUF file name); "Qwen2-1.5B" has none, though ".5B" looks like one.
        var name = Path.GetFileName(modelName.TrimEnd('/', '\\'));
        string[] names = [name, Path.GetFileNameWithoutExtension(name)];
        bool Named(Baseline b) =>
            ids.Contains(b.ModelId)
            || names.Any(n => string.Equals(b.ModelId, n, StringComparison.OrdinalIgnoreCase) || string.Equals(b.Model, n, StringComparison.OrdinalIgnoreCase));
        return catalog.Gate.FirstOrDefault(b => b.Kind == kind && b.Benchmark == benchmark && b.Mode == mode && Named(b));
    }
}
