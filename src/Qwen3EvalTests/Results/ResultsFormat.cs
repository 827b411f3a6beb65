namespace Qwen3EvalTests.Results;

/// <summary>The results file format. Readers refuse other versions with a clear error.</summary>
public static class ResultsFormat
{
    public const int Version = 1;
}
