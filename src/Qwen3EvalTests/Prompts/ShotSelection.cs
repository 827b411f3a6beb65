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
            var problem = DataFolderValidator.DevTooShort(dev.Count > 0 ? dev[0].Source.File : "", dev.Count, count);
            throw new EvalInputException(problem.Message, file: dev.Count > 0 ? problem.File : null, field: problem.Where);
        }

        return dev.Take(count).ToArray();
    }
}
