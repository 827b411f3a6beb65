namespace Qwen3EvalTests.Baselines;

/// <summary>One thing wrong with an input file, found during validation.</summary>
/// <param name="File">The file at fault.</param>
/// <param name="Line">The 1-based line, when the parser knows it.</param>
/// <param name="Where">The JSON path, entry id or YAML key at fault.</param>
/// <param name="Message">What was found and what was expected.</param>
public sealed record InputProblem(string File, long? Line, string Where, string Message)
{
    public override string ToString() => Line is null
        ? $"{File}: {Where}: {Message}"
        : $"{File}:{Line}: {Where}: {Message}";
}
