using System.Text.Json;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Cli;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Cli.Tests;

public class PromptCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await QwenEvalCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string FirstSubject(Benchmark benchmark) => DataFolder.Open(DataFolder.SampleDirectory, benchmark).Subjects[0].Id;

    [Theory]
    [InlineData("mmlu", "qwen", "\nAnswer:")]
    [InlineData("ceval", "qwen", "\n答案：")]
    [InlineData("cmmlu", "lm-eval", "\n答案：")]
    [InlineData("mmlu", "opencompass", "\nAnswer: ")]
    public async Task PrintsExactlyTheRenderedPromptWithoutATrailingNewline(string benchmark, string protocol, string ending)
    {
        var subject = FirstSubject(BenchmarkIds.Parse(benchmark));

        var (exit, output, error) = await RunAsync("prompt", "--benchmark", benchmark, "--subject", subject, "--protocol", protocol);

        exit.Should().Be(0, error);
        output.Should().EndWith(ending);
        var dataset = DataFolder.Open(DataFolder.SampleDirectory, BenchmarkIds.Parse(benchmark));
        var p = PromptProtocols.Get(protocol);
        var question = dataset.Read(subject, p.Settings(dataset.Benchmark, chat: false).ScoredSplit).First();
        var dev = dataset.Read(subject, Split.Dev).ToArray();
        output.Should().Be(p.Render(question, dataset.Subjects[0], dev).Text);
    }

    [Fact]
    public async Task ShotsIndexAndChatOptionsAreHonoured()
    {
        var subject = FirstSubject(Benchmark.Mmlu);

        var (exit, output, _) = await RunAsync("prompt", "--benchmark", "mmlu", "--subject", subject, "--protocol", "lm-eval", "--shots", "0", "--index", "1", "--chat");

        exit.Should().Be(0);
        output.Should().StartWith("<|im_start|>system\nThe following are multiple choice questions").And.EndWith("<|im_start|>assistant\n");
        output.Split("<|im_start|>user").Should().HaveCount(2, "zero shots leave only the question's user turn");
    }

    [Fact]
    public async Task JsonCarriesPromptContinuationsSplitAverageAndScoring()
    {
        var subject = FirstSubject(Benchmark.Ceval);

        var (exit, output, _) = await RunAsync("prompt", "--benchmark", "ceval", "--subject", subject, "--protocol", "qwen", "--json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("formatVersion").GetInt32().Should().Be(1);
        root.GetProperty("prompt").GetString().Should().EndWith("\n答案：");
        root.GetProperty("continuations").EnumerateArray().Select(e => e.GetString()).Should().Equal("A", "B", "C", "D");
        root.GetProperty("split").GetString().Should().Be("val");
        root.GetProperty("average").GetString().Should().Be("macro");
        root.GetProperty("scoring").GetString().Should().Be("NextTokenChoice");
        root.GetProperty("shots").GetInt32().Should().Be(5);
        root.GetProperty("truncation").GetString().Should().Be("none", "evaluate_ceval.py never truncates");
        root.GetProperty("reading").GetString().Should().Be("pandas1-na+pandas1-dtypes");
        root.GetProperty("tokenization").GetString().Should().Be("separate", "evaluate_ceval.py encodes the prompt and the letter apart");
        root.GetProperty("chatTemplate").ValueKind.Should().Be(JsonValueKind.Null, "a base prompt has no chat template");
    }

    [Fact]
    public async Task WithoutAModelAShotDroppingRuleSaysItAppliesWithATokenizerAndKeepsEveryShot()
    {
        var subject = FirstSubject(Benchmark.Mmlu);

        var (exit, output, _) = await RunAsync("prompt", "--benchmark", "mmlu", "--subject", subject, "--protocol", "opencompass@max-seq-len-2048", "--json");
        var (_, plain, _) = await RunAsync("prompt", "--benchmark", "mmlu", "--subject", subject, "--protocol", "opencompass", "--json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        using var plainJson = JsonDocument.Parse(plain);
        var root = json.RootElement;
        root.GetProperty("truncation").GetString().Should().Be("opencompass-drop-shots:2048+opencompass-hf-left:2048");
        root.GetProperty("shotDropping").GetString().Should().Contain("applies with a model's tokenizer").And.Contain("keeps all 5 shots");
        root.GetProperty("prompt").GetString().Should().Be(plainJson.RootElement.GetProperty("prompt").GetString());
        plainJson.RootElement.GetProperty("shotDropping").ValueKind.Should().Be(JsonValueKind.Null, "the Qwen base configs set no max_seq_len");
    }

    [Fact]
    public async Task JsonOfAChatPromptSaysWhichChatTemplateRenderedIt()
    {
        var subject = FirstSubject(Benchmark.Mmlu);

        var (exit, output, _) = await RunAsync("prompt", "--benchmark", "mmlu", "--subject", subject, "--protocol", "opencompass", "--chat", "--json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("chatTemplate").GetString().Should().StartWith("ChatML as Qwen3's chat template renders it (no default system turn)");
        root.GetProperty("reading").GetString().Should().Be("universal-newlines");
        root.GetProperty("extractor").GetString().Should().Be("opencompass-first-option@26d077b0");
        root.GetProperty("tokenization").ValueKind.Should().Be(JsonValueKind.Null, "a generated answer has no scored continuation");
    }

    [Theory]
    [InlineData("--benchmark", "gsm8k", "unknown benchmark 'gsm8k'")]
    [InlineData("--protocol", "helm", "unknown prompt protocol 'helm'")]
    [InlineData("--subject", "no_such_subject", "unknown mmlu subject 'no_such_subject'")]
    [InlineData("--index", "100000", "--index 100000 is out of range")]
    [InlineData("--shots", "1000", "1000 shots are needed")]
    public async Task BadInputPrintsAnErrorAndExitsWithTwo(string option, string value, string expected)
    {
        var args = new Dictionary<string, string>
        {
            ["--benchmark"] = "mmlu",
            ["--subject"] = FirstSubject(Benchmark.Mmlu),
            ["--protocol"] = "qwen",
        };
        args[option] = value;

        var (exit, output, error) = await RunAsync(["prompt", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);

        exit.Should().Be(QwenEvalCli.ExitBadInput);
        error.Should().StartWith("error: ").And.Contain(expected);
        output.Should().BeEmpty();
    }
}
