using System.Text.Json;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary>
/// <c>qwen3eval tokenize</c> on the smallest generated model with the real Qwen3 tokenizer. Expected ids are the
/// tokenizer.json vocabulary entries of the pieces (16141 "Answer", 25 ":", 362 " A", 425 " B", 356 " C", 422 " D",
/// 32…35 "A"…"D", 198 "\n", 77091 "assistant"); prompts are compared with what <c>qwen3eval prompt</c> prints.
/// </summary>
public sealed class TokenizeCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("qwen3eval-tokenize-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static string FirstSubject(Benchmark benchmark) => DataFolder.Open(DataFolder.SampleDirectory, benchmark).Subjects[0].Id;

    [Fact]
    public async Task ATextPrintsExactlyItsIdsAndPieces()
    {
        var run = await CliRun.RunAsync("tokenize", "--model", TinyModel.Qwen3Folder, "--text", "Answer: A", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be("{\"tokens\":[16141,25,362],\"pieces\":[\"Answer\",\":\",\" A\"],\"continuations\":[],\"truncated\":0}" + Environment.NewLine);
    }

    [Fact]
    public async Task AnOpenCompassQuestionShowsTheContextAndTheWholeSequenceSplit()
    {
        var subject = FirstSubject(Benchmark.Mmlu);
        var prompt = await PromptText("mmlu", subject, "opencompass");

        var run = await CliRun.RunAsync("tokenize", "--model", TinyModel.Qwen3Folder, "--benchmark", "mmlu", "--subject", subject, "--protocol", "opencompass", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("tokens", "pieces", "continuations", "truncated");
        var tokens = root.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt32()).ToArray();
        var pieces = root.GetProperty("pieces").EnumerateArray().Select(p => p.GetString()).ToArray();
        tokens.TakeLast(2).Should().Equal(16141, 25);
        pieces.Should().HaveCount(tokens.Length);
        string.Concat(pieces).Should().Be(prompt.TrimEnd(' '), "the prompt's last space belongs to the scored \" A\" in the whole sequence");
        Continuations(root).Should().Equal("' A' [362]", "' B' [425]", "' C' [356]", "' D' [422]");
        root.GetProperty("truncated").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task AnLmEvalChatQuestionScoresTheNewlineAndTheLetter()
    {
        var run = await CliRun.RunAsync("tokenize", "--model", TinyModel.Qwen3Folder, "--benchmark", "mmlu", "--subject", FirstSubject(Benchmark.Mmlu), "--protocol", "lm-eval", "--chat", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("tokens").EnumerateArray().Last().GetInt32().Should().Be(77091);
        Continuations(json.RootElement).Should().Equal("'\nA' [198,32]", "'\nB' [198,33]", "'\nC' [198,34]", "'\nD' [198,35]");
    }

    [Fact]
    public async Task TheTextFormShowsTheTokenizationTruncationAndEachOption()
    {
        var subject = FirstSubject(Benchmark.Ceval);

        var run = await CliRun.RunAsync("tokenize", "--model", TinyModel.Qwen3Folder, "--benchmark", "ceval", "--subject", subject, "--protocol", "qwen", "--index", "1");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain($"question       ceval/{subject} #1 · qwen · 5-shot · base")
            .And.Contain("tokenization   separate")
            .And.Contain("truncation     none: 0 of ")
            .And.Contain("  A  'A'         [32]")
            .And.Contain("  D  'D'         [35]");
    }

    [Fact]
    public async Task AGenerationFormShowsTheWholePromptAndNoContinuations()
    {
        var subject = FirstSubject(Benchmark.Ceval);
        var prompt = await PromptText("ceval", subject, "qwen", "--chat");

        var run = await CliRun.RunAsync("tokenize", "--model", TinyModel.Qwen3Folder, "--benchmark", "ceval", "--subject", subject, "--protocol", "qwen", "--chat", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var tokens = json.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt32()).ToArray();
        tokens.Should().StartWith([151644], "<|im_start|> of the system turn");
        var text = await CliRun.RunAsync("tokenize", "--model", TinyModel.Qwen3Folder, "--text", prompt, "--json");
        using var whole = JsonDocument.Parse(text.Stdout);
        tokens.Should().Equal(whole.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt32()), "the chat prompt is encoded in one piece");
        json.RootElement.GetProperty("continuations").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task AContextLongerThanTheModelKeepsItsLastTokensAndCountsTheRest()
    {
        // A 64-token context: the qwen C-Eval context keeps its last 64 - 1 tokens (room for the one-token answer).
        var subject = FirstSubject(Benchmark.Ceval);
        var full = await Ids(TinyModel.Qwen3Folder, "--benchmark", "ceval", "--subject", subject, "--protocol", "qwen");

        var cut = await Ids(TinyModel.ShortQwen3Folder, "--benchmark", "ceval", "--subject", subject, "--protocol", "qwen");

        full.Truncated.Should().Be(0);
        cut.Tokens.Should().Equal(full.Tokens.TakeLast(63));
        cut.Truncated.Should().Be(full.Tokens.Length - 63);
    }

    [Fact]
    public async Task AQwenMmluPromptLongerThan2048TokensKeepsItsLast2047()
    {
        // evaluate_mmlu.py L82-83: input_ids[:, len - 2048 + 1:] when len > 2048.
        var data = Path.Combine(scratch, "data");
        Write(data, "mmlu/dev/abstract_algebra_dev.csv", string.Concat(Enumerable.Range(0, 5).Select(i => $"dev {i},a,b,c,d,A\n")));
        Write(data, "mmlu/test/abstract_algebra_test.csv", string.Join(' ', Enumerable.Repeat("word", 3000)) + ",a,b,c,d,B\n");

        var cut = await Ids(TinyModel.Qwen3Folder, "--benchmark", "mmlu", "--subject", "abstract_algebra", "--protocol", "qwen", "--data", data);

        cut.Tokens.Should().HaveCount(2047);
        cut.Truncated.Should().BeGreaterThan(3000 - 2047);
        cut.Tokens.TakeLast(2).Should().Equal(16141, 25);
    }

    [Theory]
    [InlineData(new[] { "--text", "x", "--benchmark", "mmlu" }, "field '--benchmark': applies to a benchmark question, not to --text")]
    [InlineData(new[] { "--text", "x", "--chat" }, "field '--chat': applies to a benchmark question")]
    [InlineData(new[] { "--benchmark", "mmlu", "--protocol", "qwen" }, "field '--subject': is required to tokenize a question")]
    [InlineData(new[] { "--subject", "x" }, "--benchmark")]
    [InlineData(new[] { "--benchmark", "mmlu", "--subject", "abstract_algebra", "--protocol", "qwen", "--index", "-1" }, "field '--index': must be 0 or more (got -1)")]
    [InlineData(new[] { "--benchmark", "mmlu", "--subject", "abstract_algebra", "--protocol", "qwen", "--shots", "-2" }, "field '--shots': must be 0 or more (got -2)")]
    [InlineData(new[] { "--benchmark", "mmlu", "--subject", "no_such", "--protocol", "qwen" }, "unknown mmlu subject 'no_such'")]
    [InlineData(new[] { "--benchmark", "mmlu", "--subject", "abstract_algebra", "--protocol", "helm" }, "unknown prompt protocol 'helm'")]
    [InlineData(new[] { "--benchmark", "mmlu", "--subject", "abstract_algebra", "--protocol", "qwen", "--index", "100000" }, "--index 100000 is out of range")]
    public async Task BadOptionsExitWithTwoNamingTheOption(string[] options, string expected)
    {
        var run = await CliRun.RunAsync(["tokenize", "--model", TinyModel.Qwen3Folder, .. options]);

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput, run.Stdout);
        run.Stderr.Should().StartWith("error: ").And.Contain(expected);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task AMissingModelFolderIsRefusedNamingTheOption()
    {
        var run = await CliRun.RunAsync("tokenize", "--model", Path.Combine(scratch, "nothing"), "--text", "x");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("field '--model': the model folder does not exist");
    }

    /// <summary>Each continuation as "'text' [ids]".</summary>
    private static string[] Continuations(JsonElement root) =>
        [.. root.GetProperty("continuations").EnumerateArray().Select(c => $"'{c.GetProperty("text").GetString()}' [{string.Join(',', c.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt32()))}]")];

    private static async Task<string> PromptText(string benchmark, string subject, string protocol, params string[] more)
    {
        var run = await CliRun.RunAsync(["prompt", "--benchmark", benchmark, "--subject", subject, "--protocol", protocol, .. more]);
        run.ExitCode.Should().Be(0, run.Stderr);
        return run.Stdout;
    }

    private static async Task<(int[] Tokens, int Truncated)> Ids(string model, params string[] options)
    {
        var run = await CliRun.RunAsync(["tokenize", "--model", model, .. options, "--json"]);
        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        return ([.. json.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt32())], json.RootElement.GetProperty("truncated").GetInt32());
    }

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
