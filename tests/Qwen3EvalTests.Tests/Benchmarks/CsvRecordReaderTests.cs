using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests.Benchmarks;

public sealed class CsvRecordReaderTests
{
    private static List<CsvRecord> Parse(string text) => CsvRecordReader.Read(new StringReader(text), "mem.csv").ToList();

    [Fact]
    public void ReadsLfRecordsWithTheirStartLines()
    {
        var records = Parse("a,b,c\nd,e,f\n");

        records.Select(r => r.Fields).Should().BeEquivalentTo(new[] { new[] { "a", "b", "c" }, new[] { "d", "e", "f" } }, o => o.WithStrictOrdering());
        records.Select(r => r.Line).Should().Equal(1, 2);
    }

    [Fact]
    public void ReadsCrlfRecordsWithoutLeavingCarriageReturnsInFields()
    {
        var records = Parse("a,b\r\nc,d\r\n");

        records.SelectMany(r => r.Fields).Should().Equal("a", "b", "c", "d");
        records.Select(r => r.Line).Should().Equal(1, 2);
    }

    [Fact]
    public void ReadsALastLineWithoutALineBreak()
    {
        Parse("a,b\nc,d").Last().Fields.Should().Equal("c", "d");
    }

    [Fact]
    public void RejectsTextAfterAClosingQuoteNamingTheLine()
    {
        var act = () => Parse("a,b\n\"abc\"def,x\n");

        act.Should().Throw<EvalInputException>().WithMessage("mem.csv:2: unexpected 'd' after a closing quote*");
    }

    [Fact]
    public void KeepsCommasInsideQuotedFields()
    {
        Parse("\"x, y\",z\n").Single().Fields.Should().Equal("x, y", "z");
    }

    [Fact]
    public void KeepsLineBreaksInsideQuotedFieldsAndCountsPhysicalLines()
    {
        var records = Parse("\"one\ntwo\nthree\",b\nnext,c\n");

        records[0].Fields[0].Should().Be("one\ntwo\nthree");
        records[1].Line.Should().Be(4);
    }

    [Fact]
    public void KeepsACarriageReturnThatIsPartOfQuotedContent()
    {
        var records = Parse("\"one\r\ntwo\",b\r\nnext,c\r\n");

        records[0].Fields[0].Should().Be("one\r\ntwo");
        records[1].Fields.Should().Equal("next", "c");
        records[1].Line.Should().Be(3);
    }

    [Fact]
    public void UnescapesDoubledQuotes()
    {
        Parse("\"say \"\"hi\"\"\",\"\"\"\"\n").Single().Fields.Should().Equal("say \"hi\"", "\"");
    }

    [Fact]
    public void KeepsFieldsByteExactWithoutTrimming()
    {
        Parse(" a , b ,\n").Single().Fields.Should().Equal(" a ", " b ", "");
    }

    [Fact]
    public void SkipsBlankLines()
    {
        Parse("a,b\n\nc,d\n\n").Select(r => r.Line).Should().Equal(1, 3);
    }

    [Fact]
    public void ReportsAnUnterminatedQuoteWithFileAndTheLineWhereTheRecordStarts()
    {
        var read = () => Parse("a,b\nc,\"never closed\nmore\n");

        read.Should().Throw<EvalInputException>()
            .Which.Should().Match<EvalInputException>(e => e.File == "mem.csv" && e.Line == 2 && e.Message.Contains("mem.csv:2") && e.Message.Contains("closing"));
    }

    [Fact]
    public void StripsAUtf8ByteOrderMarkFromAFile()
    {
        using var folder = new TempDataFolder();
        var path = folder.Write("bom.csv", "first,second\n", withBom: true);

        CsvRecordReader.Read(path).Single().Fields.Should().Equal("first", "second");
    }

    [Fact]
    public void ReportsAMissingFileByName()
    {
        using var folder = new TempDataFolder();
        var path = Path.Combine(folder.Root, "absent.csv");

        var read = () => CsvRecordReader.Read(path);

        read.Should().Throw<EvalInputException>().WithMessage($"*{path}*not found*");
    }
}
