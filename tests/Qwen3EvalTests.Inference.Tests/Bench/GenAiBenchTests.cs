using Qwen3EvalTests.Inference.Bench;

namespace Qwen3EvalTests.Inference.Tests.Bench;

public sealed class GenAiBenchTests
{
    [Fact]
    public void TheMinimumCountsEachSequencesTokensBeyondWhatItSharesWithThePreviousOne()
    {
        PrefillRecord[] log =
        [
            new(0, [1, 2, 3, 4], ReadsEveryRow: false), // 1 2 3 4: all 4 new
            new(2, [3, 5], ReadsEveryRow: false), //       1 2 3 5: shares 1 2 3, 1 new (the harness re-ran 3)
            new(4, [6, 7], ReadsEveryRow: true), //        1 2 3 5 6 7: 2 new
            new(0, [9, 2], ReadsEveryRow: false), //       9 2: shares nothing, 2 new
        ];

        GenAiBench.MinimumTokens(log).Should().Be(9);
    }
}
