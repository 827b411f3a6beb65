using System.Globalization;
using System.Text;

namespace Qwen3EvalTests.Prompts;

/// <summary>
/// Numbers as pandas 1.5's C parser reads a CSV field and as Python's <c>str()</c> prints them: the two halves of how a Qwen
/// script's f-string renders a numeric column. Parsing follows pandas/_libs/src/parser/tokenizer.c (pandas 1.5.3):
/// <c>str_to_int64</c> and <c>precise_xstrtod</c> (the default, float_precision=None), including the latter's 17-digit
/// accumulation in a double, which is not always correctly rounded ("3.141592653589793238" → 3.1415926535897927).
/// </summary>
public static class PandasNumberText
{
    private const int MaxDigits = 17;

    private static readonly double[] PowersOfTen = [.. Enumerable.Range(0, 309).Select(k => double.Parse("1e" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))];

    /// <summary><c>str_to_int64</c>: optional ASCII white space, a sign, digits, white space; null when it is not that or overflows int64.</summary>
    public static long? ParseInt64(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var digits = IntegerDigits(field, out var negative);
        if (digits is null)
        {
            return null;
        }

        return long.TryParse((negative ? "-" : string.Empty) + digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary><c>str_to_uint64</c>: as <see cref="ParseInt64"/> without a minus sign, up to uint64's maximum; null otherwise.</summary>
    public static ulong? ParseUInt64(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var digits = IntegerDigits(field, out var negative);
        return digits is not null && !negative && ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>Whether the field is an integer by <c>str_to_int64</c>'s grammar, whatever its size; <paramref name="negative"/> its sign.</summary>
    public static bool IsInteger(string field, out bool negative) => IntegerDigits(field, out negative) is not null;

    /// <summary>
    /// <c>precise_xstrtod</c> with <c>skip_trailing</c>, then parsers.pyx <c>_try_double</c>'s fallback for "inf", "+inf",
    /// "-inf", "infinity", "+infinity", "-infinity" (any case); null when the field is not a number or is out of range (ERANGE).
    /// </summary>
    public static double? ParseDouble(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = PreciseXstrtod(field);
        if (value is not null)
        {
            return value;
        }

        return field.ToLowerInvariant() switch
        {
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => null,
        };
    }

    /// <summary>Python's <c>str(float)</c> (= <c>repr</c>): the shortest round-trip digits, fixed notation for 1e-4 ≤ |x| &lt; 1e16, else <c>1e+16</c>, <c>1e-05</c>.</summary>
    public static string PythonFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0)
        {
            return sign + "0.0";
        }

        // .NET's "R" is the shortest string that round-trips, as Python's repr: read its digits and decimal point position.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? r : r[..e];
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var decpt = (point < 0 ? mantissa.Length : point) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..].TrimEnd('0');
        decpt -= leading;

        // Python float_repr_style 'short' (Objects/floatobject.c float_repr → PyOS_double_to_string 'r'): exponent form when decpt <= -4 or decpt > 16.
        var text = new StringBuilder(sign);
        if (decpt is > -4 and <= 16)
        {
            if (decpt <= 0)
            {
                text.Append("0.").Append('0', -decpt).Append(digits);
            }
            else if (decpt >= digits.Length)
            {
                text.Append(digits).Append('0', decpt - digits.Length).Append(".0");
            }
            else
            {
                text.Append(digits[..decpt]).Append('.').Append(digits[decpt..]);
            }
        }
        else
        {
            var exp = decpt - 1;
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits[1..]);
            }

            text.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string? IntegerDigits(string field, out bool negative)
    {
        negative = false;
        var p = SkipSpace(field, 0);
        if (p < field.Length && field[p] is '-' or '+')
        {
            negative = field[p] == '-';
            p++;
        }

        var start = p;
        while (p < field.Length && char.IsAsciiDigit(field[p]))
        {
            p++;
        }

        var digits = field[start..p];
        return digits.Length > 0 && SkipSpace(field, p) == field.Length ? digits : null;
    }

    // An optional '-' or '+' at position p (moved past it): whether it was '-'.
    private static bool ReadSign(string field, ref int p)
    {
        if (p < field.Length && field[p] is '-' or '+')
        {
            return field[p++] == '-';
        }

        return false;
    }

    private static double? PreciseXstrtod(string field)
    {
        var p = SkipSpace(field, 0);
        var negative = ReadSign(field, ref p);

        double number = 0;
        var exponent = 0;
        var digits = 0;
        while (p < field.Length && char.IsAsciiDigit(field[p]))
        {
            if (digits < MaxDigits)
            {
                number = (number * 10.0) + (field[p] - '0');
                digits++;
            }
            else
            {
                exponent++;
            }

            p++;
        }

        if (p < field.Length && field[p] == '.')
        {
            p++;
            var decimals = 0;
            while (digits < MaxDigits && p < field.Length && char.IsAsciiDigit(field[p]))
            {
                number = (number * 10.0) + (field[p] - '0');
                p++;
                digits++;
                decimals++;
            }

            while (p < field.Length && char.IsAsciiDigit(field[p]))
            {
                p++;
            }

            exponent -= decimals;
        }

        if (digits == 0)
        {
            return null;
        }

        if (negative)
        {
            number = -number;
        }

        if (p < field.Length && field[p] is 'e' or 'E')
        {
            var q = p + 1;
            var negativeExponent = ReadSign(field, ref q);

            var n = 0;
            var exponentDigits = 0;
            while (exponentDigits < MaxDigits && q < field.Length && char.IsAsciiDigit(field[q]))
            {
                n = (n * 10) + (field[q] - '0');
                exponentDigits++;
                q++;
            }

            if (exponentDigits > 0)
            {
                exponent += negativeExponent ? -n : n;
                p = q;
            }
        }

        if (exponent > 308)
        {
            return null;
        }

        if (exponent > 0)
        {
            number *= PowersOfTen[exponent];
        }
        else if (exponent < -308)
        {
            number = exponent < -616 ? 0.0 : number / PowersOfTen[-308 - exponent] / PowersOfTen[308];
        }
        else
        {
            number /= PowersOfTen[-exponent];
        }

        return double.IsInfinity(number) || SkipSpace(field, p) != field.Length ? null : number;
    }

    // isspace_ascii: ' ', \t, \n, \v, \f, \r.
    private static int SkipSpace(string field, int p)
    {
        while (p < field.Length && field[p] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            p++;
        }

        return p;
    }
}
