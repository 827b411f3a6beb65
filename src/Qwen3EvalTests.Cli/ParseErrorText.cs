using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Qwen3EvalTests.Cli;

/// <summary>
/// The one place a command-line parse error is put in words. System.CommandLine names the .NET type a value failed to
/// convert to (<c>Nullable`1[System.Int32]</c>); here a value that does not read as its option's kind becomes
/// "--limit expects a whole number, got 'abc'.", and a value outside an option's fixed list names the list on one line.
/// Every other parse error (a missing value, an unknown option) already is in words and passes through.
/// </summary>
public static class ParseErrorText
{
    public static string Of(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (name, symbol, tokens) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, (Symbol)o.Option, o.Tokens),
            ArgumentResult { Parent: OptionResult o } a => (o.Option.Name, o.Option, a.Tokens),
            ArgumentResult a => (a.Argument.Name, a.Argument, a.Tokens),
            _ => (null, null, null),
        };
        if (name is null || symbol is null || tokens is null)
        {
            return error.Message;
        }

        var valueType = symbol switch
        {
            Option option => option.ValueType,
            Argument argument => argument.ValueType,
            _ => typeof(string),
        };
        if (ValueKindOf(valueType) is { } kind && tokens.FirstOrDefault(t => !kind.Accepts(t.Value)) is { } bad)
        {
            return $"{name} expects {kind.Words}, got '{bad.Value}'.";
        }

        var allowed = symbol.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        if (allowed.Count > 0 && tokens.FirstOrDefault(t => !allowed.Contains(t.Value, StringComparer.Ordinal)) is { } unknown)
        {
            return $"{name} expects one of {string.Join(", ", allowed)}, got '{unknown.Value}'.";
        }

        return error.Message;
    }

    /// <summary>What a value of <paramref name="valueType"/> is called and which texts read as one; null for text (and for a
    /// type not listed here, whose error then passes through: the test over every option of the command tree catches it).</summary>
    public static ValueKind? ValueKindOf(Type valueType)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        var type = Nullable.GetUnderlyingType(valueType) ?? (valueType.IsArray ? valueType.GetElementType()! : valueType);
        return type == typeof(string) ? null
            : type == typeof(int) ? new ValueKind("a whole number", t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            : type == typeof(long) ? new ValueKind("a whole number", t => long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            : type == typeof(double) ? new ValueKind("a number (e.g. 0.5)", t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            : type == typeof(bool) ? new ValueKind("true or false (or the switch alone)", t => bool.TryParse(t, out _))
            : null;
    }
}

/// <summary>A kind of option value in words ("a whole number") and the test of whether a text is one.</summary>
public sealed record ValueKind(string Words, Func<string, bool> Accepts);
