using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests;

public class BenchmarkIdsTests
{
    [Theory]
    [InlineData("mmlu", Benchmark.Mmlu)]
    [InlineData("ceval", Benchmark.Ceval)]
    [InlineData("CMMLU", Benchmark.Cmmlu)]
    public void ParsesCommandLineIds(string id, Benchmark expected) => BenchmarkIds.Parse(id).Should().Be(expected);

    [Fact]
    public void RejectsUnknownBenchmarkNamingTheChoices()
    {
        var act = () => BenchmarkIds.Parse("gsm8k");
        act.Should().Throw<EvalInputException>().WithMessage("*unknown benchmark 'gsm8k'*mmlu, ceval, cmmlu*");
    }
}
