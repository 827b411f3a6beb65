namespace Qwen3EvalTests;

/// <summary>
/// Collects every problem of a validation pass so they are reported together, in one
/// <see cref="EvalInputException"/>, before anything expensive runs.
/// </summary>
public sealed class InputProblemList
{
    private readonly List<InputProblem> _problems = [];

    public InputProblemList(string file) => File = file;

    public string File { get; }

    public IReadOnlyList<InputProblem> Problems => _problems;

    public int Count => _problems.Count;

    public void Add(string? where, string message, long? line = null) => _problems.Add(new InputProblem(File, line, where, message));

    /// <summary>A problem in another file than <see cref="File"/> (e.g. a data file named by a plan).</summary>
    public void Add(InputProblem problem) => _problems.Add(problem);

    public void AddRange(IEnumerable<InputProblem> problems) => _problems.AddRange(problems);

    /// <summary>Throws one exception listing every problem, if there is any.</summary>
    public void ThrowIfAny(string what)
    {
        if (_problems.Count == 0)
        {
            return;
        }

        if (_problems.Count == 1)
        {
            var only = _problems[0];
            throw new EvalInputException($"{only.Message} (the only problem in {what})", only.File, only.Line, only.Where);
        }

        var lines = string.Join(Environment.NewLine, _problems.Select(p => "  - " + p));
        throw new EvalInputException(
            $"{_problems.Count} problems in {what}; fix all of them and run again:{Environment.NewLine}{lines}",
            File);
    }
}
