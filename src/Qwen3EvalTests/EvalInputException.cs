namespace Qwen3EvalTests;

/// <summary>
/// Bad user input: a malformed data file, an unknown subject, a suite that names a missing model.
/// The message names the file (and line or field when known), says what was expected, and what to do.
/// Programmer misuse is not reported through this type.
/// </summary>
public sealed class EvalInputException : Exception
{
    public EvalInputException(string message, string? file = null, long? line = null, string? field = null, Exception? inner = null)
        : base(Compose(message, file, line, field), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Reason = message;
    }

    /// <summary>The file at fault, when there is one.</summary>
    public string? File { get; }

    /// <summary>The 1-based physical line in <see cref="File"/> where the bad record starts, when known.</summary>
    public long? Line { get; }

    /// <summary>The field, column or key at fault, when known.</summary>
    public string? Field { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }

    private static string Compose(string message, string? file, long? line, string? field)
    {
        if (file is null)
        {
            return field is null ? message : $"{field}: {message}";
        }

        var where = line is null ? file : $"{file}:{line}";
        return field is null ? $"{where}: {message}" : $"{where}: field '{field}': {message}";
    }
}
