using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Tests.Prompts;

/// <summary>
/// pandas 1.5.3's column types as a Qwen script's f-string prints them. Every expectation was printed by the real pandas
/// (Debian python3-pandas 1.5.3, /usr/bin/python3): each column below written as the A column of a CSV
/// <c>question,A,answer</c> (one row per field, csv.writer) and read by
/// <code>
/// df = pd.read_csv(path); print(df['A'].dtype, [f'{df["A"].iloc[r]}' for r in range(len(df))])
/// </code>
/// The real data: the only option columns of MMLU, C-Eval and CMMLU pandas reads as numbers are CMMLU
/// dev/college_actuarial_science.csv's A–D (float64), which print as the file holds them; no prompt of the full data changes.
/// </summary>
public class PandasColumnTypesTests
{
    private static readonly FieldReading Qwen = new FieldReading(OptionNaValues: PandasNaValues.Pandas1) { OptionColumnTypes = true };

    public static TheoryData<string, string[], PandasColumnType, string[]> Columns => new()
    {
        { "ints", ["1", "007", "+5", "-3", " 4", "12 "], PandasColumnType.Int64, ["1", "7", "5", "-3", "4", "12"] },
        { "ints_na", ["1", "", "4", "NA"], PandasColumnType.Float64, ["1.0", "nan", "4.0", "nan"] },
        { "floats", ["0.50", "1e3", ".5", "5.", "-0.0", "1E-5"], PandasColumnType.Float64, ["0.5", "1000.0", "0.5", "5.0", "-0.0", "1e-05"] },
        { "floats2", ["1e16", "1e15", "123456789.125", "0.0001", "2.5e-7", "1"], PandasColumnType.Float64, ["1e+16", "1000000000000000.0", "123456789.125", "0.0001", "2.5e-07", "1.0"] },
        { "inf", ["inf", "-Infinity", "+inf", "1.5", "INF", "3"], PandasColumnType.Float64, ["inf", "-inf", "inf", "1.5", "inf", "3.0"] },
        { "long17", ["0.1234567890123456789", "3.141592653589793238"], PandasColumnType.Float64, ["0.1234567890123456", "3.1415926535897927"] },
        { "round17", ["9007199254740993", "1.5"], PandasColumnType.Float64, ["9007199254740992.0", "1.5"] },
        { "float_ws", [" 1.5 ", "2.25"], PandasColumnType.Float64, ["1.5", "2.25"] },
        { "int_float", ["1", "2.5"], PandasColumnType.Float64, ["1.0", "2.5"] },
        { "intfloat_na", ["1.5", "", "2"], PandasColumnType.Float64, ["1.5", "nan", "2.0"] },
        { "allna", ["", "NA", "nan", "N/A"], PandasColumnType.Float64, ["nan", "nan", "nan", "nan"] },
        { "tab_int", ["\t3", "4"], PandasColumnType.Int64, ["3", "4"] },
        { "bigint", ["9223372036854775807", "1"], PandasColumnType.Int64, ["9223372036854775807", "1"] },
        { "biguint", ["9223372036854775808", "1"], PandasColumnType.UInt64, ["9223372036854775808", "1"] },
        { "neg_biguint", ["-1", "9223372036854775808"], PandasColumnType.Object, ["-1", "9223372036854775808"] },
        { "huge", ["123456789012345678901234", "1"], PandasColumnType.Object, ["123456789012345678901234", "1"] },
        { "many_digits_int_na", ["12345678901234567890123", ""], PandasColumnType.Object, ["12345678901234567890123", "nan"] },
        { "bools", ["true", "TRUE", "True", "false", "FALSE", "False"], PandasColumnType.Bool, ["True", "True", "True", "False", "False", "False"] },
        { "bools_na", ["true", "", "False", "true"], PandasColumnType.Bool, ["True", "nan", "False", "True"] }, // pandas: object of True/NaN/False
        { "bool_int", ["1", "0", "True"], PandasColumnType.Object, ["1", "0", "True"] },
        { "mixed", ["1", "2", "x", "4"], PandasColumnType.Object, ["1", "2", "x", "4"] },
        { "none", ["None", "1"], PandasColumnType.Object, ["None", "1"] },
        { "under", ["1_000", "2"], PandasColumnType.Object, ["1_000", "2"] },
        { "hex", ["0x10", "2"], PandasColumnType.Object, ["0x10", "2"] },
        { "e_only", ["1e", "2"], PandasColumnType.Object, ["1e", "2"] },
        { "exp_big", ["1e400", "2"], PandasColumnType.Object, ["1e400", "2"] },
        { "dot_only", [".", "2"], PandasColumnType.Object, [".", "2"] },
        { "sign_only", ["-", "2"], PandasColumnType.Object, ["-", "2"] },
        { "college_actuarial_science_A", ["0.23", "0.2409", "0.41", "0.8", "-0.05"], PandasColumnType.Float64, ["0.23", "0.2409", "0.41", "0.8", "-0.05"] },
        { "college_actuarial_science_C", ["0.03", "0.2308", "0.33", "0.5", "0.005"], PandasColumnType.Float64, ["0.03", "0.2308", "0.33", "0.5", "0.005"] },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void EachColumnPrintsAsPandasReadsIt(string column, string[] fields, PandasColumnType dtype, string[] printed)
    {
        var file = fields.Select((f, row) => Row(row, f)).ToList();

        var typed = Qwen.Typed(file);

        PandasColumnTypes.Infer(fields, NaStrings()).Should().Be(dtype, column);
        typed.Select(q => Qwen.Apply(q).Options[0]).Should().Equal(printed, column);
    }

    [Fact]
    public void EachColumnOfAFileIsTypedOnItsOwn()
    {
        // Column A all integers, B mixed: A prints as int64, B keeps its text.
        var file = new[] { Row(0, "007", "01"), Row(1, "2", "x") };

        Qwen.Typed(file).Select(q => (q.Options[0], q.Options[1])).Should().Equal(("7", "01"), ("2", "x"));
    }

    [Fact]
    public void TheRuleIsNamedInTheReadingIdAndQwenUsesIt()
    {
        Qwen.Id.Should().Be("pandas1-na+pandas1-dtypes");
        new Qwen3EvalTests.Prompts.Qwen.QwenProtocol().Reading.Id.Should().Be("pandas1-na+pandas1-dtypes");
        new Qwen3EvalTests.Prompts.Qwen.QwenProtocol(pandas: PandasNaValues.Pandas2).Reading.Id.Should().Be("pandas2-na+pandas2-dtypes");
    }

    private static IReadOnlySet<string> NaStrings() =>
        new HashSet<string>(StringComparer.Ordinal) { "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null" };

    private static Question Row(int row, string a, string b = "b") =>
        new(Benchmark.Cmmlu, "s", Split.Test, row, "q", [a, b, "c", "d"], 'A', Explanation: null, new SourceLocation("s.csv", row + 2));
}
