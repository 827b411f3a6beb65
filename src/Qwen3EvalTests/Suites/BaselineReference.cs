namespace Qwen3EvalTests.Suites;

/// <summary>What a case is compared against.</summary>
/// <param name="Origin">Official number or recorded run.</param>
/// <param name="Id">The official baseline id, or the recorded run's path relative to baselines/.</param>
public sealed record BaselineReference(BaselineOrigin Origin, string Id)
{
    public override string ToString() => Origin == BaselineOrigin.Official ? $"official {Id}" : $"recorded {Id}";
}

/// <summary>Where a suite's reference numbers come from.</summary>
public enum BaselineOrigin
{
    /// <summary>Published Qwen numbers in baselines/official.json.</summary>
    Official,

    /// <summary>Runs recorded by this project in baselines/runs/ (generated tiny models).</summary>
    Recorded,
}
