namespace Qwen3EvalTests.Scoring;

/// <summary>
/// Counts correct answers per subject as outcomes stream in, without keeping the outcomes:
/// memory grows with the number of subjects, not questions.
/// </summary>
public sealed class AccuracyTally
{
    private readonly Dictionary<string, SubjectCounts> _subjects = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(QuestionOutcome outcome, string category)
    {
        if (!_subjects.TryGetValue(outcome.Subject, out var counts))
        {
            counts = new SubjectCounts(category);
            _subjects.Add(outcome.Subject, counts);
            _order.Add(outcome.Subject);
        }

        counts.Total++;
        counts.Correct += outcome.Correct ? 1 : 0;
        counts.Unparsable += outcome.Unparsable ? 1 : 0;
        counts.Truncated += outcome.TruncatedTokens > 0 ? 1 : 0;
    }

    public int Questions => _subjects.Values.Sum(s => s.Total);

    public BenchmarkScore ToScore()
    {
        var subjects = _order
            .Select(id => (id, counts: _subjects[id]))
            .Select(x => new SubjectScore(x.id, x.counts.Category, Accuracy.Of(x.counts.Correct, x.counts.Total), x.counts.Unparsable, x.counts.Truncated))
            .ToList();
        var categories = subjects
            .GroupBy(s => s.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CategoryScore(g.Key, g.Count(), Accuracy.Of(g.Sum(s => s.Accuracy.Correct), g.Sum(s => s.Accuracy.Total)), MacroMean(g)))
            .ToList();
        var micro = Accuracy.Of(subjects.Sum(s => s.Accuracy.Correct), subjects.Sum(s => s.Accuracy.Total));
        return new BenchmarkScore(micro, MacroMean(subjects), subjects, categories);
    }

    private static double MacroMean(IEnumerable<SubjectScore> subjects)
    {
        var list = subjects.Where(s => s.Accuracy.Total > 0).ToList();
        return list.Count == 0 ? 0 : list.Average(s => s.Accuracy.Value);
    }

    private sealed class SubjectCounts(string category)
    {
        public string Category { get; } = category;

        public int Total { get; set; }

        public int Correct { get; set; }

        public int Unparsable { get; set; }

        public int Truncated { get; set; }
    }
}
