namespace Qwen3EvalTests;

/// <summary>One thing wrong with an input (a data file, a suite, a baseline catalogue, a command's options), found during validation.</summary>
/// <param name="File">The file or folder at fault.</param>
/// <param name="Line">The 1-based line, when the parser knows it.</param>
/// <param name="Where">The field, column, option, JSON path or YAML key at fault, when known.</param>
/// <param name="Message">What was found, what was expected, and what to do.</param>
public sealed record InputProblem(string File, long? Line, string? Where, string Message)
{
    /// <summary>The problem an <see cref="EvalInputException"/> reports.</summary>
    public static InputProblem From(EvalInputException exception, string fallbackFile)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(exception.File ?? fallbackFile, exception.Line, exception.Field, exception.Reason);
    }

    /// <summary>file:line: where: what was expected.</summary>
    public override string ToString()
    {
        var at = Line is null ? File : $"{File}:{Line}";
        return Where is null ? $"{at}: {Message}" : $"{at}: {Where}: {Message}";
    }
}
