using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>Chooses the in-context examples: the first K dev rows in file order (OpenCompass's fix_id_list [0..K-1] is the same rows).</summary>
public static class ShotSelection
{
    /// <exception cref="EvalInputException">The dev split has fewer rows than requested.</exception>
    public static IReadOnlyList<Question> FirstK(IReadOnlyList<Question> dev, int count)
    {
        ArgumentNullException.ThrowIfNull(dev);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (dev.Count < count)
        {
            var file = dev.Count > 0 ? dev[0].Source.File : null;
            throw new EvalInputException(
                $"the dev split has {dev.Count} rows but {count} shots were requested; pass fewer shots or use a complete dev file.",
                file: file,
                field: "shots");
        }

        return dev.Take(count).ToArray();
    }
}
