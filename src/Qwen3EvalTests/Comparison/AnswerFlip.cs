namespace Qwen3EvalTests.Comparison;

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
