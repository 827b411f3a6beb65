using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts.Qwen;
using Qwen3EvalTests.Prompts;
using static Qwen3EvalTests.Tests.Prompts.PromptFixtures;

namespace Qwen3EvalTests.Tests.Prompts;

public class ShotSelectionTests
{
    [Fact]
    public void TakesTheFirstRowsInFileOrder() =>
        ShotSelection.FirstK(Dev(Benchmark.Mmlu), 3).Select(q => q.Index).Should().Equal(0, 1, 2);

    [Fact]
    public void FewerDevRowsThanShotsNamesTheFileAndBothCounts()
    {
        var act = () => ShotSelection.FirstK(Dev(Benchmark.Ceval, rows: 3), 5);

        act.Should().Throw<EvalInputException>()
            .Where(e => e.File == "data/ceval/dev/computer_network.csv")
            .WithMessage("data/ceval/dev/computer_network.csv*3 rows*5 shots*");
    }

    [Fact]
    public void RenderingWithTooFewDevRowsFails()
    {
        var act = () => new QwenProtocol().Render(Query(Benchmark.Mmlu), Subject(Benchmark.Mmlu), Dev(Benchmark.Mmlu, rows: 2));

        act.Should().Throw<EvalInputException>().WithMessage("*2 rows but 5 shots*");
    }

    [Fact]
    public void ZeroShotsNeedNoDevRows() => ShotSelection.FirstK([], 0).Should().BeEmpty();
}
