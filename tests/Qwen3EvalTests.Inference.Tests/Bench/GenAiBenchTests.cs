using Qwen3EvalTests.Application.Bench;
using Qwen3EvalTests.Inference.GenAI;

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

    [Fact]
    public void TheMinimumCountedAsForwardCallsHappenIsTheMinimumOfTheWholeLog()
    {
        PrefillRecord[] log = [new(0, [1, 2, 3], false), new(1, [4], false), new(2, [5, 6], true), new(0, [1, 2, 3], false)];
        var count = new MinimumTokenCount();

        foreach (var record in log)
        {
            count.Add(record);
        }

        // 1 2 3 (3 new); 1 4 (1 new); 1 4 5 6 (2 new); 1 2 3 (shares 1: 2 new).
        count.Tokens.Should().Be(8);
        GenAiBench.MinimumTokens(log).Should().Be(8);
    }

    [Fact]
    public void TheResidentSetIsSampledAtEachThousandQuestionsAndAtTheEnd()
    {
        var sampler = new RssSampler();

        foreach (var done in new[] { 16, 992, 1008, 1024, 1990, 2003, 3000, 3010 })
        {
            sampler.Scored(done);
        }

        var samples = sampler.Finish(3010);

        samples.Select(s => s.Questions).Should().Equal(1008, 2003, 3000, 3010);
        samples.Should().OnlyContain(s => s.RssBytes > 0);
    }

    [Fact]
    public void AnEndingAtAThousandIsNotSampledTwice()
    {
        var sampler = new RssSampler();
        sampler.Scored(1000);

        sampler.Finish(1000).Select(s => s.Questions).Should().Equal(1000);
    }

    [Fact]
    public void RssGrowthIsTheEndOverTheFirstSampleAtAThousandQuestions()
    {
        RssSample[] samples = [new(1008, 400, 100, 200), new(2000, 410, 100, 200), new(14042, 420, 100, 200)];

        GenAiBench.RssGrowth(samples).Should().BeApproximately(420.0 / 400, 1e-12);
        GenAiBench.RssGrowth([new RssSample(300, 400, 100, 200)]).Should().BeNull("a run under 1,000 questions has no sample to compare with");
        GenAiBench.RssGrowth([new RssSample(1000, 400, 100, 200)]).Should().BeNull();
    }
}
