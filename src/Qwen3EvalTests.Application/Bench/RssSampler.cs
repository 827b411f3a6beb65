namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// Samples the resident set as a run's questions are scored: the first time the count reaches each multiple of
/// <see cref="Every"/>, and once at the end, so a run over 14,042 questions shows whether memory grows with the dataset.
/// </summary>
internal sealed class RssSampler
{
    public const int Every = 1000;

    private readonly List<RssSample> samples = [];
    private int next = Every;

    /// <summary>Called with the questions scored so far (non-decreasing).</summary>
    public void Scored(int questions)
    {
        if (questions < next)
        {
            return;
        }

        samples.Add(Sample(questions));
        next = (questions / Every + 1) * Every;
    }

    /// <summary>The samples, ending with one at <paramref name="questions"/> (unless one was just taken there).</summary>
    public IReadOnlyList<RssSample> Finish(int questions)
    {
        if (samples.Count == 0 || samples[^1].Questions != questions)
        {
            samples.Add(Sample(questions));
        }

        return samples;
    }

    private static RssSample Sample(int questions)
    {
        var managed = GC.GetGCMemoryInfo();
        return new(questions, ResidentSet.Current(), managed.HeapSizeBytes, managed.TotalCommittedBytes);
    }
}
