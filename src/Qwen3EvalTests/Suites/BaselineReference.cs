namespace Qwen3EvalTests.Suites;

/// <summary>What a case is compared against.</summary>
/// <param name="Origin">Official number, recorded run, or both.</param>
/// <param name="Id">The official baseline id (official and both), or the recorded run's path relative to baselines/ (recorded).</param>
public sealed record BaselineReference(BaselineOrigin Origin, string Id)
{
    private readonly string? _recording;

    /// <summary>
    /// The recorded run's path relative to baselines/ (<c>runs/&lt;suite&gt;/&lt;model&gt;/&lt;benchmark&gt;.json</c>): <see cref="Id"/> for a
    /// recorded case, set for a case with both baselines; null for an official one.
    /// </summary>
    public string? RecordingPath
    {
        get => Origin == BaselineOrigin.Recorded ? Id : _recording;
        init => _recording = value;
    }

    /// <summary>The official number <paramref name="officialId"/> and the recorded run at <paramref name="recordingPath"/>.</summary>
    public static BaselineReference Both(string officialId, string recordingPath) =>
        new(BaselineOrigin.Both, officialId) { RecordingPath = recordingPath };

    public override string ToString() => Origin switch
    {
        BaselineOrigin.Official => $"official {Id}",
        BaselineOrigin.Recorded => $"recorded {Id}",
        _ => $"official {Id} and recorded {RecordingPath}",
    };
}

/// <summary>Where a suite's reference numbers come from (<c>baseline:</c> in the suite file).</summary>
public enum BaselineOrigin
{
    /// <summary>Published numbers in baselines/official.json (or the project's own file extending it): score ± tolerance.</summary>
    Official,

    /// <summary>
    /// The suite's own accepted runs in baselines/runs/ (generated tiny models, a model folder, or a served model): no answer
    /// flips (the drift gate) and the score within tolerance of the recording.
    /// </summary>
    Recorded,

    /// <summary>Both: the official number ± tolerance and no answer flips against the accepted recorded run.</summary>
    Both,
}

/// <summary>The suite file's spelling of a <see cref="BaselineOrigin"/>: official, recorded, both.</summary>
public static class BaselineOrigins
{
    public static string ToId(this BaselineOrigin origin) => origin.ToString().ToLowerInvariant();

    public static bool TryParse(string? id, out BaselineOrigin origin)
    {
        foreach (var candidate in Enum.GetValues<BaselineOrigin>())
        {
            if (string.Equals(candidate.ToId(), id, StringComparison.Ordinal))
            {
                origin = candidate;
                return true;
            }
        }

        origin = BaselineOrigin.Official;
        return false;
    }
}
