namespace Qwen3EvalTests.Evaluation;

/// <summary>The command-line names of <see cref="SensitivityFactor"/>s ("protocol", "answer-space", …).</summary>
public static class SensitivityFactors
{
    public static IReadOnlyList<SensitivityFactor> All { get; } = Enum.GetValues<SensitivityFactor>();

    public static string ToId(this SensitivityFactor factor) => factor switch
    {
        SensitivityFactor.AnswerSpace => "answer-space",
        _ => factor.ToString().ToLowerInvariant(),
    };

    /// <exception cref="EvalInputException">A name is not a factor.</exception>
    public static IReadOnlyList<SensitivityFactor> Parse(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var factors = new List<SensitivityFactor>();
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var factor = All.Where(f => string.Equals(f.ToId(), name, StringComparison.OrdinalIgnoreCase)).Cast<SensitivityFactor?>().FirstOrDefault()
                ?? throw new EvalInputException($"unknown sensitivity factor '{name}': expected some of {string.Join(",", All.Select(f => f.ToId()))}.", field: "factors");
            if (!factors.Contains(factor))
            {
                factors.Add(factor);
            }
        }

        return factors.Count == 0 ? All : factors;
    }
}
