using System.Globalization;
using System.Text;
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

    [Fact]
    public void KeepsTheReadersCharBufferOffTheLargeObjectHeap()
    {
        // StreamReader allocates encoding.GetMaxCharCount(bufferSize) chars; objects of 85,000 bytes or more go to the
        // large-object heap, which only a full collection reclaims (.NET GC documentation, "The large object heap").
        var charBufferBytes = new UTF8Encoding().GetMaxCharCount(CsvRecordReader.BufferBytes) * sizeof(char);

        charBufferBytes.Should().BeLessThan(85_000);
    }

    [Fact]
    public void ReadsAFileManyBuffersLongAsItsTextReads()
    {
        // Records with quoted line breaks and multi-byte characters, so buffer ends fall inside fields and inside characters.
        var text = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"Frage {i}: über \"\"Größe\"\",\nzweite Zeile — 北京 {i}\",B{i},{new string('x', i % 97)}\n");
        }

        using var folder = new TempDataFolder();
        var path = Path.Combine(folder.Root, "long.csv");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        new FileInfo(path).Length.Should().BeGreaterThan(4 * CsvRecordReader.BufferBytes);
        var fromFile = CsvRecordReader.Read(path).ToList();
        var fromText = Parse(text.ToString());

        fromFile.Should().HaveCount(2_000);
        fromFile.Select(r => (r.Line, string.Join('\u0001', r.Fields))).Should().Equal(fromText.Select(r => (r.Line, string.Join('\u0001', r.Fields))));
        fromFile[1_999].Fields[0].Should().Be("Frage 1999: über \"Größe\",\nzweite Zeile — 北京 1999");
    }
}
