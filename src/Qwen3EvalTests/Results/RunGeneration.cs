namespace Qwen3EvalTests.Results;

/// <summary>The generation settings of a generation-scored run, as recorded in its results file.</summary>
/// <param name="MaxNewTokens">The most tokens generated per answer.</param>
/// <param name="Temperature">0 means greedy.</param>
/// <param name="Seed">The sampling seed (meaningful when Temperature &gt; 0).</param>
/// <param name="StopStrings">Strings that end generation.</param>
public sealed record RunGeneration(int MaxNewTokens, double Temperature, int Seed, IReadOnlyList<string> StopStrings)
{
    public bool IsGreedy => Temperature <= 0;
}
