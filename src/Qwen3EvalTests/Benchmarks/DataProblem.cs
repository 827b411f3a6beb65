namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// One problem found while validating a data folder: the file, the 1-based line where the bad
/// record starts (when known), the field at fault (when known) and what was expected.
/// </summary>
public sealed record DataProblem(string File, long? Line, string? Field, string Message)
{
    public static DataProblem From(EvalInputException exception, string fallbackFile) =>
        new(exception.File ?? fallbackFile, exception.Line, exception.Field, exception.Reason);

    /// <summary>file:line: field: what was expected.</summary>
    public override string ToString()
    {
        var where = Line is null ? File : $"{File}:{Line}";
        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
