using System.Text;

namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// A streaming RFC 4180 reader: fields separated by commas, records by LF or CRLF, quoted fields may
/// hold commas, line breaks and "" for a quote. Field text is kept byte-exact (no trimming); a UTF-8
/// BOM is dropped. Each record knows the 1-based physical line it starts on.
/// </summary>
public static class CsvRecordReader
{
    public static IEnumerable<CsvRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalInputException("file not found: the benchmark layout expects it here (see data/sample for the layout).", file: path);
        }

        return ReadFile(path);
    }

    /// <summary>
    /// The reader's byte buffer. Its char buffer is about twice the size, and stays below the large-object heap's 85,000
    /// bytes, so a run reading hundreds of files leaves no large objects behind, which only a full collection reclaims.
    /// With 64 KiB, a full MMLU run left 342 sampled 128 KiB char buffers there (README "Performance").
    /// </summary>
    public const int BufferBytes = 16 * 1024;

    private static IEnumerable<CsvRecord> ReadFile(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: BufferBytes);
        foreach (var record in Read(reader, path))
        {
            yield return record;
        }
    }

    public static IEnumerable<CsvRecord> Read(TextReader reader, string file)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var quoteClosed = false;
        var any = false;

        while (true)
        {
            int next;
            try
            {
                next = reader.Read();
            }
            catch (DecoderFallbackException e)
            {
                throw new EvalInputException($"the file is not valid UTF-8 ({e.Message}); save it as UTF-8.", file: file, line: InvalidUtf8Line(file) ?? line);
            }

            if (next < 0)
            {
                break;
            }

            var c = (char)next;
            if (c == '\uFEFF' && line == 1 && !any)
            {
                continue;
            }

            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        quoteClosed = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (quoteClosed && c is not (',' or '\n' or '\r'))
            {
                throw new EvalInputException($"unexpected '{c}' after a closing quote: a quoted field must end at a comma or the end of the line (write \"\" for a quote inside it).", file: file, line: line);
            }

            quoteClosed = false;
            switch (c)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    if (!IsBlankLine(fields))
                    {
                        yield return new CsvRecord(fields.ToArray(), recordLine);
                    }

                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new EvalInputException("a quoted field is never closed: expected a closing '\"' before the end of the file.", file: file, line: recordLine);
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(fields.ToArray(), recordLine);
        }
    }

    /// <summary>
    /// The 1-based line of the first invalid UTF-8 byte of <paramref name="path"/>: the reader decodes a whole buffer
    /// ahead, so its own line count stops where that buffer starts.
    /// </summary>
    private static long? InvalidUtf8Line(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var valid, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.InvalidData
            ? bytes.AsSpan(0, valid).Count((byte)'\n') + 1
            : null;
    }

    // A line with nothing on it (e.g. a trailing empty line) is no record.
    private static bool IsBlankLine(List<string> fields) => fields.Count == 1 && fields[0].Length == 0;
}
