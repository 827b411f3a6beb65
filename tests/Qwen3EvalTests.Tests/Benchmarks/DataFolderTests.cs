using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests.Benchmarks;

public sealed class DataFolderTests
{
    [Fact]
    public void FindsTheShippedSample()
    {
        var sample = DataFolder.SampleDirectory;

        Directory.Exists(Path.Combine(sample, "mmlu", "test")).Should().BeTrue();
        File.Exists(Path.Combine(sample, "README.md")).Should().BeTrue();
    }

    [Fact]
    public void RejectsAMissingDataFolderNamingItAndTheExpectedLayout()
    {
        using var folder = new TempDataFolder();
        var missing = Path.Combine(folder.Root, "nowhere");

        var open = () => DataFolder.Open(missing, Benchmark.Mmlu);

        open.Should().Throw<EvalInputException>().WithMessage($"*{missing}*not found*mmlu/, ceval/*cmmlu/*");
    }

    [Fact]
    public void RejectsAMissingBenchmarkFolderNamingTheExpectedLayout()
    {
        using var folder = new TempDataFolder();
        folder.Write("mmlu/dev/abstract_algebra_dev.csv", "q,a,b,c,d,A\n");

        var open = () => DataFolder.Open(folder.Root, Benchmark.Cmmlu);

        open.Should().Throw<EvalInputException>().WithMessage($"*{Path.Combine(folder.Root, "cmmlu")}*no cmmlu/ folder*cmmlu/{{dev,test}}/*");
    }

    [Fact]
    public void RejectsAnUnknownBenchmarkId()
    {
        var parse = () => BenchmarkIds.Parse("gsm8k");

        parse.Should().Throw<EvalInputException>().WithMessage("*unknown benchmark 'gsm8k'*mmlu, ceval, cmmlu*");
    }

    [Fact]
    public void OpensOnlyTheBenchmarksPresent()
    {
        using var folder = new TempDataFolder();
        folder.Write("ceval/val/computer_network_val.csv", "id,question,A,B,C,D,answer\n0,q,a,b,c,d,A\n");

        DataFolder.OpenAll(folder.Root).Select(d => d.Benchmark).Should().Equal(Benchmark.Ceval);
    }
}
