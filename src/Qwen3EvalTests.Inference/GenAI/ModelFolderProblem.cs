namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>Something found in a model folder, with what to do about it. An error stops a run; a note says what the harness does instead.</summary>
/// <param name="IsError">True when GenAI would fail or read the model wrongly.</param>
/// <param name="Message">What is wrong or worth knowing.</param>
/// <param name="Fix">What to do (or, for a note, what the harness does).</param>
/// <param name="File">The file or folder concerned.</param>
/// <param name="Field">The config field, when one is at fault.</param>
public sealed record ModelFolderProblem(bool IsError, string Message, string Fix, string File, string? Field = null)
{
    private EvalInputException? cause;

    public static ModelFolderProblem Error(string message, string fix, string file, string? field = null) => new(true, message, fix, file, field);

    public static ModelFolderProblem Note(string message, string fix, string file, string? field = null) => new(false, message, fix, file, field);

    /// <summary>An error another check reported as an exception (its message already says what to do); thrown again as is.</summary>
    public static ModelFolderProblem From(EvalInputException exception) =>
        new(true, exception.Reason, "", exception.File ?? "", exception.Field) { cause = exception };

    public EvalInputException ToException() => cause ?? new(Fix.Length == 0 ? Message : $"{Message}; {Fix}", File, field: Field);
}
