namespace Qwen3EvalTests.Benchmarks;

/// <summary>Checks one CSV record of a split file against its <see cref="BenchmarkFormat"/> and turns it into a <see cref="Question"/>.</summary>
internal sealed class QuestionRowParser(BenchmarkFormat format, string subject, Split split, string path)
{
    private readonly IReadOnlyList<string>? _header = format.Headers.GetValueOrDefault(split);
    private readonly int _columns = format.ColumnCount(split);
    private bool _headerSeen;
    private int _index;

    /// <summary>The question of <paramref name="record"/>, or null for the header row.</summary>
    public Question? Parse(CsvRecord record)
    {
        if (_header is not null && !_headerSeen)
        {
            _headerSeen = true;
            if (!record.Fields.SequenceEqual(_header, StringComparer.Ordinal))
            {
                throw new EvalInputException(
                    $"missing or wrong header: expected '{string.Join(',', _header)}', found '{string.Join(',', record.Fields)}'.",
                    file: path,
                    line: record.Line,
                    field: "header");
            }

            return null;
        }

        if (record.Fields.Count != _columns)
        {
            throw new EvalInputException(
                $"expected {_columns} columns ({Describe()}), found {record.Fields.Count}.",
                file: path,
                line: record.Line,
                field: "columns");
        }

        char? answer = null;
        if (format.AnswerColumn.TryGetValue(split, out var answerColumn))
        {
            var raw = record.Fields[answerColumn];
            if (raw.Length != 1 || !format.Letters.Contains(raw[0]))
            {
                throw new EvalInputException($"answer must be one of {OptionLetters.Listed(format.Letters)}; found '{raw}'.", file: path, line: record.Line, field: "answer");
            }

            answer = raw[0];
        }

        var q = format.QuestionColumn;
        var explanation = format.ExplanationColumn.TryGetValue(split, out var e) ? record.Fields[e] : null;
        return new Question(
            format.Benchmark,
            subject,
            split,
            _index++,
            record.Fields[q],
            [.. record.Fields.Skip(q + 1).Take(format.OptionCount)],
            answer,
            explanation,
            new SourceLocation(path, record.Line));
    }

    /// <summary>The error for a file with no records at all.</summary>
    public static EvalInputException EmptyFile(BenchmarkFormat format, Split split, string path) => new(
        $"the file is empty: expected {(format.Headers.TryGetValue(split, out var header) ? $"the header '{string.Join(',', header)}' and " : "")}one question per row.",
        file: path,
        line: 1);

    private string Describe() => _header is not null
        ? string.Join(',', _header.Select(h => h.Length == 0 ? "<index>" : h))
        : string.Join(',', ["question", .. format.Letters.Select(l => l.ToString()), .. format.AnswerColumn.ContainsKey(split) ? ["answer"] : Array.Empty<string>()]);
}
