using System.Globalization;
using System.Text;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Statistics;

namespace Qwen3EvalTests.Comparison;

/// <summary>
/// Two runs of the same questions compared question by question: which answers changed, which
/// flipped from right to wrong and back, and whether the difference is significant (McNemar).
/// </summary>
public sealed record AnswerDrift(
    int Compared,
    IReadOnlyList<AnswerFlip> Changed,
    int BecameCorrect,
    int BecameWrong,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Added,
    McNemarResult McNemar)
{
    /// <summary>How many flips a message lists before "and N more".</summary>
    public const int FlipsShown = 20;

    public bool HasDrift => Changed.Count > 0 || Missing.Count > 0 || Added.Count > 0;

    public static AnswerDrift Between(IReadOnlyList<RecordedAnswer> reference, IReadOnlyList<RecordedAnswer> current)
    {
        static string Key(RecordedAnswer a) => string.Create(CultureInfo.InvariantCulture, $"{a.Subject}#{a.Index}");
        var before = reference.ToDictionary(Key, StringComparer.Ordinal);
        var after = current.ToDictionary(Key, StringComparer.Ordinal);
        var changed = new List<AnswerFlip>();
        int becameCorrect = 0, becameWrong = 0, compared = 0;
        foreach (var answer in current)
        {
            if (!before.TryGetValue(Key(answer), out var old))
            {
                continue;
            }

            compared++;
            if (old.Predicted != answer.Predicted)
            {
                changed.Add(new AnswerFlip(answer.Subject, answer.Index, answer.Answer, old.Predicted, answer.Predicted));
            }

            becameCorrect += !old.Correct && answer.Correct ? 1 : 0;
            becameWrong += old.Correct && !answer.Correct ? 1 : 0;
        }

        return new AnswerDrift(
            compared,
            changed,
            becameCorrect,
            becameWrong,
            before.Keys.Where(k => !after.ContainsKey(k)).ToList(),
            after.Keys.Where(k => !before.ContainsKey(k)).ToList(),
            McNemarTest.Run(becameWrong, becameCorrect));
    }

    /// <summary>
    /// The drift check in one line, named as the gate names it: "drift: 4 of 20 answers flipped, McNemar p = 0.125"
    /// (with the questions one run lacks), or "drift: none of 20 answers flipped".
    /// </summary>
    public string CheckLine
    {
        get
        {
            if (!HasDrift)
            {
                return string.Create(CultureInfo.InvariantCulture, $"drift: none of {Compared} answers flipped");
            }

            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"drift: {Changed.Count} of {Compared} answers flipped"));
            if (Missing.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $", {Missing.Count} recorded questions not run");
            }

            if (Added.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $", {Added.Count} questions not in the recording");
            }

            return text.Append(CultureInfo.InvariantCulture, $", McNemar p = {McNemar.PValue:0.####}").ToString();
        }
    }

    /// <summary>The flips in words; the questions on one side only are "recorded questions not run" / "run that the recording
    /// lacks" (a drift check against a recording), or, with <paramref name="twoRuns"/>, questions "only in A" / "only in B".</summary>
    public string Describe(bool twoRuns = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Changed.Count} of {Compared} answers changed ({BecameWrong} right→wrong, {BecameCorrect} wrong→right); McNemar ({McNemar.Method}): statistic {McNemar.Statistic:0.###}, p = {McNemar.PValue:0.####}.");
        foreach (var flip in Changed.Take(FlipsShown))
        {
            text.Append('\n').Append("  ").Append(flip);
        }

        if (Changed.Count > FlipsShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  … and {Changed.Count - FlipsShown} more");
        }

        if (Missing.Count > 0)
        {
            text.Append(twoRuns
                ? string.Create(CultureInfo.InvariantCulture, $"\n  {Missing.Count} questions only in A, not compared (first: {Missing[0]})")
                : string.Create(CultureInfo.InvariantCulture, $"\n  {Missing.Count} recorded questions were not run (first: {Missing[0]})"));
        }

        if (Added.Count > 0)
        {
            text.Append(twoRuns
                ? string.Create(CultureInfo.InvariantCulture, $"\n  {Added.Count} questions only in B, not compared (first: {Added[0]})")
                : string.Create(CultureInfo.InvariantCulture, $"\n  {Added.Count} questions were run that the recording lacks (first: {Added[0]})"));
        }

        return text.ToString();
    }
}

/// <summary>A question whose chosen answer changed between two runs.</summary>
public sealed record AnswerFlip(string Subject, int Index, string Answer, string? Before, string? After)
{
    public override string ToString()
    {
        var verdict = (Before == Answer, After == Answer) switch
        {
            (true, false) => "right→wrong",
            (false, true) => "wrong→right",
            _ => "wrong→wrong",
        };
        return $"{Subject}[{Index}] answer {Answer}: {Before ?? "(none)"} → {After ?? "(none)"} ({verdict})";
    }
}
