namespace Qwen3EvalTests.Results;

/// <summary>The settings of one benchmark run, as recorded in its results file.</summary>
/// <param name="Benchmark">mmlu, ceval or cmmlu.</param>
/// <param name="Protocol">qwen, lm-eval or opencompass.</param>
/// <param name="Split">The scored split.</param>
/// <param name="Average">micro or macro: which average is the headline accuracy.</param>
/// <param name="Shots">Few-shot examples per prompt.</param>
/// <param name="Chat">Whether the chat form (ChatML) was used.</param>
/// <param name="Scoring">How answers were chosen (log-likelihood rule or generation).</param>
/// <param name="Limit">First N questions of each subject, or null for all.</param>
/// <param name="MaxContextTokens">Left-truncation limit of the protocol, or null for the model's context.</param>
public sealed record RunSettings(
    string Benchmark,
    string Protocol,
    string Split,
    string Average,
    int Shots,
    bool Chat,
    string Scoring,
    int? Limit,
    int? MaxContextTokens);
