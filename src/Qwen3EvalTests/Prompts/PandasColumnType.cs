using System.Globalization;

namespace Qwen3EvalTests.Prompts;

/// <summary>The dtype pandas 1.5's <c>read_csv</c> (C parser, no <c>dtype=</c>) gives one column of one CSV file.</summary>
public enum PandasColumnType
{
    /// <summary>Every non-NA field an int64 and no NA: <c>str()</c> prints the integer ("007" → "7", "+5" → "5").</summary>
    Int64,

    /// <summary>Integers beyond int64 but within uint64, none negative, no NA.</summary>
    UInt64,

    /// <summary>Every non-NA field a number (or every field NA): <c>str(float)</c> ("0.50" → "0.5", an int column with a NaN → "4.0", NA → "nan").</summary>
    Float64,

    /// <summary>Every non-NA field True/TRUE/true/False/FALSE/false: "True"/"False" (pandas' bool, or object of True/False/NaN with an NA → "nan").</summary>
    Bool,

    /// <summary>Anything else: the field as read (NA → "nan", by the NA rule).</summary>
    Object,
}

/// <summary>
/// pandas 1.5's per-column type inference (pandas/_libs/parsers.pyx <c>_convert_tokens</c>: int64, then uint64 on overflow,
/// then float64, then bool, else object) and how a value of each dtype reaches a Qwen script's f-string (<c>str()</c>).
/// Expected outputs in the tests come from running pandas 1.5.3 itself.
/// </summary>
public static class PandasColumnTypes
{
    private static readonly HashSet<string> TrueValues = new(StringComparer.Ordinal) { "True", "TRUE", "true" };

    private static readonly HashSet<string> FalseValues = new(StringComparer.Ordinal) { "False", "FALSE", "false" };

    /// <summary>The dtype of a column holding <paramref name="fields"/> (every row of the file), NA strings being <paramref name="naValues"/>.</summary>
    public static PandasColumnType Infer(IEnumerable<string> fields, IReadOnlySet<string> naValues)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(naValues);
        var all = fields.ToList();
        var values = all.Where(f => !naValues.Contains(f)).ToList();
        var hasNa = values.Count < all.Count;
        if (values.Count == 0)
        {
            return PandasColumnType.Float64;
        }

        if (values.All(v => PandasNumberText.IsInteger(v, out _)))
        {
            if (values.All(v => PandasNumberText.ParseInt64(v) is not null))
            {
                return hasNa ? PandasColumnType.Float64 : PandasColumnType.Int64;
            }

            // int64 overflowed: uint64 when nothing is negative or NA (uint64_conflict), else the overflow leaves the text.
            return !hasNa && values.All(v => PandasNumberText.ParseUInt64(v) is not null) ? PandasColumnType.UInt64 : PandasColumnType.Object;
        }

        if (values.All(v => PandasNumberText.ParseDouble(v) is not null))
        {
            return PandasColumnType.Float64;
        }

        return values.All(v => TrueValues.Contains(v) || FalseValues.Contains(v)) ? PandasColumnType.Bool : PandasColumnType.Object;
    }

    /// <summary>How <paramref name="field"/> of a column of <paramref name="type"/> reads in an f-string; an object column's field as it is (the NA rule renders its NA strings).</summary>
    public static string Render(string field, PandasColumnType type, IReadOnlySet<string> naValues)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(naValues);
        if (type == PandasColumnType.Object)
        {
            return field;
        }

        if (naValues.Contains(field))
        {
            return "nan";
        }

        return type switch
        {
            PandasColumnType.Int64 => PandasNumberText.ParseInt64(field)!.Value.ToString(CultureInfo.InvariantCulture),
            PandasColumnType.UInt64 => PandasNumberText.ParseUInt64(field)!.Value.ToString(CultureInfo.InvariantCulture),
            PandasColumnType.Float64 => PandasNumberText.PythonFloat(PandasNumberText.ParseDouble(field)!.Value),
            _ => TrueValues.Contains(field) ? "True" : "False",
        };
    }
}
