namespace Qwen3EvalTests.Scoring;

/// <summary>A category's accuracy: micro over its questions and macro over its subjects.</summary>
public sealed record CategoryScore(string Category, int Subjects, Accuracy Micro, double Macro);
