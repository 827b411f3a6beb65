using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests.Benchmarks;

/// <summary>Bad input: each error names the file, the line and what was expected.</summary>
public sealed class CsvBenchmarkDatasetTests : IDisposable
{
    private const string CevalValHeader = "id,question,A,B,C,D,answer";
    private const string CmmluHeader = ",Question,A,B,C,D,Answer";
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private List<Question> Read(Benchmark benchmark, string subject, Split split) =>
        DataFolder.Open(_folder.Root, benchmark).Read(subject, split).ToList();

    private EvalInputException ReadFails(Benchmark benchmark, string subject, Split split)
    {
        var read = () => Read(benchmark, subject, split);
        return read.Should().Throw<EvalInputException>().Which;
    }

    [Fact]
    public void ReportsAMissingFileWithTheExpectedPathAndLayout()
    {
        _folder.Write("mmlu/dev/abstract_algebra_dev.csv", "q,a,b,c,d,A\n");

        var error = ReadFails(Benchmark.Mmlu, "abstract_algebra", Split.Test);

        error.File.Should().Be(Path.Combine(_folder.Root, "mmlu", "test", "abstract_algebra_test.csv"));
        error.Message.Should().Contain("mmlu/test/<subject>_test.csv");
    }

    [Fact]
    public void ReportsAnEmptyFileAtLineOne()
    {
        var path = _folder.Write("mmlu/test/anatomy_test.csv", "");

        var error = ReadFails(Benchmark.Mmlu, "anatomy", Split.Test);

        error.Message.Should().StartWith($"{path}:1: ").And.Contain("empty").And.Contain("one question per row");
    }

    [Fact]
    public void ReportsAFileWithAHeaderButNoQuestionsAsEmpty()
    {
        var path = _folder.Write("cmmlu/test/agronomy.csv", ",Question,A,B,C,D,Answer\n");

        var error = ReadFails(Benchmark.Cmmlu, "agronomy", Split.Test);

        error.Message.Should().StartWith($"{path}:1: ").And.Contain("expected the header ',Question,A,B,C,D,Answer' and one question per row");
    }

    [Fact]
    public void ReportsAWrongColumnCountWithLineAndExpectedColumns()
    {
        var path = _folder.Write("mmlu/test/anatomy_test.csv", "q1,a,b,c,d,A\n\"q2\nsecond line\",a,b,c,D\n");

        var error = ReadFails(Benchmark.Mmlu, "anatomy", Split.Test);

        error.Line.Should().Be(2);
        error.Message.Should().Be($"{path}:2: field 'columns': expected 6 columns (question,A,B,C,D,answer), found 5.");
    }

    [Fact]
    public void ReportsAMissingCevalHeaderNamingLineOneAndTheExpectedHeader()
    {
        var path = _folder.Write("ceval/val/computer_network_val.csv", "0,q,a,b,c,d,A\r\n1,q,a,b,c,d,B\r\n");

        var error = ReadFails(Benchmark.Ceval, "computer_network", Split.Val);

        error.Message.Should().StartWith($"{path}:1: field 'header'").And.Contain($"expected '{CevalValHeader}'");
    }

    [Fact]
    public void ReportsAMissingCmmluHeaderNamingLineOneAndTheExpectedHeader()
    {
        var path = _folder.Write("cmmlu/test/anatomy.csv", "0,q,a,b,c,d,A\n");

        var error = ReadFails(Benchmark.Cmmlu, "anatomy", Split.Test);

        error.Message.Should().StartWith($"{path}:1: field 'header'").And.Contain($"expected '{CmmluHeader}'");
    }

    [Fact]
    public void ReportsAnAnswerOutsideAToDWithTheValueSeen()
    {
        var path = _folder.Write("cmmlu/dev/anatomy.csv", $"{CmmluHeader}\n0,q,a,b,c,d,A\n1,q,a,b,c,d,E\n");

        var error = ReadFails(Benchmark.Cmmlu, "anatomy", Split.Dev);

        error.Message.Should().Be($"{path}:3: field 'answer': answer must be one of A, B, C, D; found 'E'.");
    }

    [Fact]
    public void RejectsALowerCaseOrPaddedAnswer()
    {
        _folder.Write("mmlu/val/anatomy_val.csv", "q,a,b,c,d, A\n");

        ReadFails(Benchmark.Mmlu, "anatomy", Split.Val).Field.Should().Be("answer");
    }

    [Fact]
    public void ReportsAFileOfAnUnknownSubjectByName()
    {
        var path = _folder.Write("mmlu/test/astrology_test.csv", "q,a,b,c,d,A\n");

        var subjects = () => DataFolder.Open(_folder.Root, Benchmark.Mmlu).Subjects;

        subjects.Should().Throw<EvalInputException>().WithMessage($"{path}: field 'subject': 'astrology' is not a mmlu subject*");
    }

    [Fact]
    public void ReportsAReadOfAnUnknownSplit()
    {
        _folder.Write("cmmlu/dev/anatomy.csv", $"{CmmluHeader}\n0,q,a,b,c,d,A\n");

        ReadFails(Benchmark.Cmmlu, "anatomy", Split.Val).Message.Should().Contain("cmmlu has no val split");
    }

    [Fact]
    public void AcceptsAUtf8ByteOrderMarkBeforeTheHeader()
    {
        _folder.Write("ceval/val/computer_network_val.csv", $"{CevalValHeader}\r\n0,问题,a,b,c,d,C\r\n", withBom: true);

        Read(Benchmark.Ceval, "computer_network", Split.Val).Single().Should().BeEquivalentTo(new { Text = "问题", Answer = 'C' });
    }

    [Fact]
    public void AcceptsCrlfLineEndingsLeavingCarriageReturnsOnlyInsideQuotedContent()
    {
        _folder.Write("mmlu/dev/anatomy_dev.csv", "q1,a,b,c,d,A\r\n\"q2\r\nwrapped\",a,b,c,d,B\r\n");

        var questions = Read(Benchmark.Mmlu, "anatomy", Split.Dev);

        questions[0].Options.Append(questions[0].Text).Should().NotContain(t => t.Contains('\r'));
        questions[0].Answer.Should().Be('A');
        questions[1].Text.Should().Be("q2\r\nwrapped");
        questions[1].Answer.Should().Be('B');
        questions[1].Source.Line.Should().Be(2);
    }

    [Fact]
    public void ReadsCevalDevWithExplanationAndTestWithoutAnswer()
    {
        _folder.Write("ceval/dev/computer_network_dev.csv", "id,question,A,B,C,D,answer,explanation\r\n0,q,a,b,c,d,D,\"why, because\"\r\n");
        _folder.Write("ceval/test/computer_network_test.csv", "id,question,A,B,C,D\n0,q,a,b,c,d\n");

        Read(Benchmark.Ceval, "computer_network", Split.Dev).Single().Explanation.Should().Be("why, because");
        Read(Benchmark.Ceval, "computer_network", Split.Test).Single().Answer.Should().BeNull();
    }

    [Fact]
    public void ReportsAnAnswerColumnInCevalTestAsAWrongColumnCount()
    {
        var path = _folder.Write("ceval/test/computer_network_test.csv", "id,question,A,B,C,D\n0,q,a,b,c,d,A\n");

        ReadFails(Benchmark.Ceval, "computer_network", Split.Test).Message.Should().StartWith($"{path}:2: field 'columns': expected 6 columns");
    }

    [Fact]
    public void StreamsRowsBeforeReachingABadOne()
    {
        _folder.Write("mmlu/test/anatomy_test.csv", "q1,a,b,c,d,A\nq2,a,b,c,d,Z\n");

        var first = DataFolder.Open(_folder.Root, Benchmark.Mmlu).Read("anatomy", Split.Test).First();

        first.Text.Should().Be("q1");
    }
}
