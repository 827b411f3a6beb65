namespace Qwen3EvalTests.Baselines;

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

    public void Add(string where, string message, long? line = null) => _problems.Add(new InputProblem(File, line, where, message));

    public void AddRange(IEnumerable<InputProblem> problems) => _problems.AddRange(problems);

    /// <summary>Throws one exception listing every problem, if there is any.</summary>
    public void ThrowIfAny(string what)
    {
        if (_problems.Count == 0)
        {
            return;
        }

        var lines = string.Join(Environment.NewLine, _problems.Select(p => "  - " + p));
        var noun = _problems.Count == 1 ? "problem" : "problems";
        throw new EvalInputException(
            $"{_problems.Count} {noun} in {what}; fix all of them and run again:{Environment.NewLine}{lines}",
            File,
            _problems[0].Line,
            _problems[0].Where);
    }
}
