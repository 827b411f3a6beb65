using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>
/// How a protocol's reference reads the CSV fields, applied to a question when it is rendered: the reader keeps the
/// raw RFC 4180 fields (as pandas does), and each protocol states what its reference turns them into.
/// </summary>
/// <param name="UniversalNewlines">Python's universal newlines (<c>open(f)</c> without <c>newline=''</c>, as OpenCompass's
/// dataset classes read the CSVs): <c>\r\n</c> and <c>\r</c> inside fields become <c>\n</c>.</param>
/// <param name="OptionNaValues">pandas <c>read_csv</c>'s default NA strings: an option whose whole text is one of them is
/// NaN and renders as <c>nan</c> in the Qwen scripts' f-strings; null: options verbatim.</param>
public sealed record FieldReading(bool UniversalNewlines = false, PandasNaValues? OptionNaValues = null)
{
    /// <summary>Every field as the CSV holds it.</summary>
    public static FieldReading Verbatim { get; } = new();

    /// <summary>
    /// pandas' per-column type inference on the option columns (<see cref="PandasColumnTypes"/>), per CSV file as
    /// <c>pd.read_csv</c> without <c>dtype=</c> does it: an all-integer column prints as integers, an all-numeric one through
    /// <c>str(float)</c>, an all-boolean one as True/False. Needs <see cref="OptionNaValues"/> (the NA strings decide the types);
    /// applied to a whole file by <see cref="Typed"/>.
    /// </summary>
    public bool OptionColumnTypes { get; init; }

    // pandas._libs.parsers STR_NA_VALUES of pandas 1.5; pandas 2.0 added "None".
    private static readonly HashSet<string> Pandas1Na = new(StringComparer.Ordinal)
    {
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null",
    };

    private static readonly HashSet<string> Pandas2Na = new(Pandas1Na.Append("None"), StringComparer.Ordinal);

    /// <summary>"verbatim", or the rules joined by '+': "universal-newlines", "pandas1-na", "pandas2-na", "pandas1-dtypes" — as the results file records it.</summary>
    public string Id
    {
        get
        {
            var parts = new List<string>();
            if (UniversalNewlines)
            {
                parts.Add("universal-newlines");
            }

            if (OptionNaValues is { } na)
            {
                parts.Add(na == PandasNaValues.Pandas2 ? "pandas2-na" : "pandas1-na");
            }

            if (OptionColumnTypes)
            {
                parts.Add(OptionNaValues == PandasNaValues.Pandas2 ? "pandas2-dtypes" : "pandas1-dtypes");
            }

            return parts.Count == 0 ? "verbatim" : string.Join('+', parts);
        }
    }

    /// <summary>The question as the reference reads it.</summary>
    public Question Apply(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (this == Verbatim)
        {
            return question;
        }

        var text = Newlines(question.Text);
        var options = question.Options.Select(o => Na(Newlines(o))).ToArray();
        var explanation = question.Explanation is null ? null : Newlines(question.Explanation);
        return text == question.Text && explanation == question.Explanation && options.SequenceEqual(question.Options, StringComparer.Ordinal)
            ? question
            : question with { Text = text, Options = options, Explanation = explanation };
    }

    /// <summary>The request with its question and shots as the reference reads them.</summary>
    public PromptRequest Apply(PromptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return this == Verbatim ? request : request with { Question = Apply(request.Question), Shots = [.. request.Shots.Select(Apply)] };
    }

    /// <summary>
    /// The rows of one CSV file (all of them: pandas infers a column's dtype from the whole file) with each option column as
    /// its dtype prints (<see cref="OptionColumnTypes"/>); unchanged without that rule. Column i of the options is column A…D.
    /// </summary>
    public IReadOnlyList<Question> Typed(IReadOnlyList<Question> file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!OptionColumnTypes || file.Count == 0)
        {
            return file;
        }

        var na = NaStrings ?? throw new InvalidOperationException("pandas column types need the NA strings (OptionNaValues) that decide them.");
        var columns = Enumerable.Range(0, file.Max(q => q.Options.Count))
            .Select(i => PandasColumnTypes.Infer(file.Select(q => i < q.Options.Count ? q.Options[i] : string.Empty), na))
            .ToArray();
        if (columns.All(c => c == PandasColumnType.Object))
        {
            return file;
        }

        return [.. file.Select(q => q with { Options = [.. q.Options.Select((o, i) => PandasColumnTypes.Render(o, columns[i], na))] })];
    }

    private IReadOnlySet<string>? NaStrings => OptionNaValues switch
    {
        PandasNaValues.Pandas1 => Pandas1Na,
        PandasNaValues.Pandas2 => Pandas2Na,
        _ => null,
    };

    private string Newlines(string field) => UniversalNewlines
        ? field.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
        : field;

    private string Na(string option) => OptionNaValues switch
    {
        PandasNaValues.Pandas1 when Pandas1Na.Contains(option) => "nan",
        PandasNaValues.Pandas2 when Pandas2Na.Contains(option) => "nan",
        _ => option,
    };
}

/// <summary>Which pandas' default NA strings a Qwen script saw: which pandas Qwen used is unknown, so it is a named choice.</summary>
public enum PandasNaValues
{
    /// <summary>pandas before 2.0: "None" is text.</summary>
    Pandas1,

    /// <summary>pandas 2.0 and later: "None" is NaN too (10 MMLU test prompts).</summary>
    Pandas2,
}
