namespace Qwen3EvalTests.Comparison;

/// <summary>One subject's accuracy in two runs; a subject missing from a run has 0 questions there.</summary>
public sealed record SubjectDelta(string Subject, int QuestionsA, double AccuracyA, int QuestionsB, double AccuracyB)
{
    public double Delta => AccuracyB - AccuracyA;
}
