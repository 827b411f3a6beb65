namespace Qwen3EvalTests.Statistics;

/// <summary>The outcome of a McNemar test on paired right/wrong answers.</summary>
/// <param name="B">Questions right in run A and wrong in run B.</param>
/// <param name="C">Questions wrong in run A and right in run B.</param>
/// <param name="Statistic">min(b, c) for the exact test; (|b−c|−1)²/(b+c) for the chi-square test; 0 when b+c = 0.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Method">"exact binomial", "chi-square (continuity corrected)" or "no discordant pairs".</param>
public sealed record McNemarResult(int B, int C, double Statistic, double PValue, string Method);
