namespace Qwen3EvalTests.Suites;

/// <summary>Where a suite's reference numbers come from.</summary>
public enum BaselineOrigin
{
    /// <summary>Published Qwen numbers in baselines/official.json.</summary>
    Official,

    /// <summary>Runs recorded by this project in baselines/runs/ (generated tiny models).</summary>
    Recorded,
}
