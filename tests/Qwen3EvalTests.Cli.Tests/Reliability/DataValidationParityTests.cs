using System.Text;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>
/// <c>qwen3eval data validate</c> applies exactly the rules <c>qwen3eval run</c> applies to its data (one validator,
/// DataFolderValidator): every bad shape below is refused by both, exit 2, with the same location and the same words;
/// the shapes run accepts, validate accepts too. Each case breaks one file of a copy of the shipped sample.
/// </summary>
public sealed class DataValidationParityTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public static TheoryData<string> RefusedShapes { get; } =
    [
        "header only", "empty file", "missing column", "answer outside the letters", "invalid UTF-8", "unclosed quote",
        "wrong header", "missing dev file", "dev file shorter than the shots", "file of an unknown subject", "misnamed file", "no subject at all",
    ];

    public static TheoryData<string> AcceptedShapes { get; } = ["empty option text", "repeated C-Eval id"];

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [MemberData(nameof(RefusedShapes))]
    public async Task ValidateAndRunRefuseTheSameDataWithTheSameProblem(string shape)
    {
        var data = _scratch.CopyOfSampleData("data");
        var (benchmark, where, message) = Break(shape, data);

        var validate = await CliRun.RunAsync("data", "validate", "--data", data);
        var run = await Run(data, benchmark);

        // validate lists each problem on its own line, then one "error: N problem(s)" line; run stops with one "error: " line.
        validate.Log();
        validate.ExitCode.Should().Be(QwenEvalCli.ExitBadInput, validate.Stderr);
        validate.Stderr.Should().Contain(where).And.Contain(message).And.Contain("error: ");
        validate.ShouldPrintNoStackTrace();
        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, where, message, "nothing was run");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(AcceptedShapes))]
    public async Task WhatRunAcceptsValidateAcceptsToo(string shape)
    {
        var data = _scratch.CopyOfSampleData("data");
        var benchmark = shape switch
        {
            "empty option text" => Replace(data, "mmlu/test/abstract_algebra_test.csv", "What is 1 + 1?,,2,3,4,B\n").Benchmark,
            "repeated C-Eval id" => Replace(data, "ceval/val/computer_network_val.csv", "id,question,A,B,C,D,answer\n0,问题一,甲,乙,丙,丁,A\n0,问题二,甲,乙,丙,丁,B\n").Benchmark,
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "not an accepted shape"),
        };

        var validate = await CliRun.RunAsync("data", "validate", "--data", data);
        var run = await Run(data, benchmark);

        validate.ExitCode.Should().Be(QwenEvalCli.ExitOk, validate.Stderr);
        run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
    }

    /// <summary>Breaks one file of <paramref name="data"/>; returns the benchmark to run and the location and words both must print.</summary>
    private static (string Benchmark, string Where, string Message) Break(string shape, string data)
    {
        switch (shape)
        {
            case "header only":
                var headerOnly = Replace(data, "ceval/val/computer_network_val.csv", "id,question,A,B,C,D,answer\n").File;
                return ("ceval", $"{headerOnly}:1", "the file is empty: expected the header 'id,question,A,B,C,D,answer' and one question per row.");
            case "empty file":
                var empty = Replace(data, "mmlu/test/abstract_algebra_test.csv", "").File;
                return ("mmlu", $"{empty}:1", "the file is empty: expected one question per row.");
            case "missing column":
                var short5 = Replace(data, "mmlu/test/abstract_algebra_test.csv", "What is 1 + 1?,1,2,3,B\n").File;
                return ("mmlu", $"{short5}:1", "expected 6 columns (question,A,B,C,D,answer), found 5.");
            case "answer outside the letters":
                var wrongLetter = Replace(data, "mmlu/test/global_facts_test.csv", "What is 1 + 1?,1,2,3,4,E\n").File;
                return ("mmlu", $"{wrongLetter}:1", "answer must be one of A, B, C, D; found 'E'.");
            case "invalid UTF-8":
                var latin1 = Path.Combine(data, "mmlu", "test", "global_facts_test.csv");
                File.WriteAllBytes(latin1, [.. Encoding.UTF8.GetBytes("What is 1 + 1?,1,2,3,4,B\nQ"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(",a,b,c,d,A\n")]);
                return ("mmlu", $"{latin1}:2", "not valid UTF-8");
            case "unclosed quote":
                var unclosed = Replace(data, "mmlu/test/global_facts_test.csv", "What is 1 + 1?,1,2,3,4,B\n\"never closed,1,2,3,4,B\n").File;
                return ("mmlu", $"{unclosed}:2", "a quoted field is never closed: expected a closing '\"' before the end of the file.");
            case "wrong header":
                var header = Replace(data, "ceval/val/computer_network_val.csv", "id,q,A,B,C,D,answer\n0,问题,甲,乙,丙,丁,A\n").File;
                return ("ceval", $"{header}:1", "missing or wrong header: expected 'id,question,A,B,C,D,answer', found 'id,q,A,B,C,D,answer'.");
            case "missing dev file":
                var dev = Path.Combine(data, "mmlu", "dev", "abstract_algebra_dev.csv");
                File.Delete(dev);
                return ("mmlu", dev, "subject 'abstract_algebra' has no dev file: add abstract_algebra_dev.csv or leave the subject out.");
            case "dev file shorter than the shots":
                var twoRows = Replace(data, "mmlu/dev/global_facts_dev.csv", "Q1?,a,b,c,d,A\nQ2?,a,b,c,d,B\n").File;
                return ("mmlu", twoRows, "the dev split has 2 rows but 5 shots are needed (a 5-shot prompt takes its examples from it); use a dev file with at least 5 rows, or pass fewer shots (--shots).");
            case "file of an unknown subject":
                var astrology = Replace(data, "mmlu/test/astrology_test.csv", "What is 1 + 1?,1,2,3,4,B\n").File;
                return ("mmlu", astrology, "'astrology' is not a mmlu subject in the shipped mapping; rename the file to a known subject or remove it.");
            case "misnamed file":
                var notes = Replace(data, "mmlu/test/notes.csv", "What is 1 + 1?,1,2,3,4,B\n").File;
                return ("mmlu", notes, "mmlu test files are named <subject>_test.csv.");
            case "no subject at all":
                var mmlu = Path.Combine(data, "mmlu");
                foreach (var csv in Directory.EnumerateFiles(mmlu, "*.csv", SearchOption.AllDirectories))
                {
                    File.Delete(csv);
                }

                return ("mmlu", mmlu, "no mmlu subjects in this folder, so there is nothing to score");
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "not a refused shape");
        }
    }

    private static (string Benchmark, string File) Replace(string data, string relativePath, string content)
    {
        var file = Path.Combine(data, relativePath.Replace('/', Path.DirectorySeparatorChar));
        File.WriteAllText(file, content);
        return (relativePath[..relativePath.IndexOf('/', StringComparison.Ordinal)], file);
    }

    private Task<CliRun> Run(string data, string benchmark) =>
        CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", benchmark, "--limit", "1", "--data", data, "--out", _scratch["out"], "--no-cache");
}
