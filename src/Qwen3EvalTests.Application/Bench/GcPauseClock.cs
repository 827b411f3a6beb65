namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// The time the .NET runtime paused managed threads for garbage collections since it was started
/// (<see cref="GC.GetTotalPauseDuration"/>): a run's share of its harness seconds, and of its forward seconds when a thread
/// coming back from the engine waits for a collection in progress.
/// </summary>
internal readonly struct GcPauseClock
{
    private readonly TimeSpan start;
    private readonly int collectionsAtStart;

    private GcPauseClock(TimeSpan start, int collectionsAtStart)
    {
        this.start = start;
        this.collectionsAtStart = collectionsAtStart;
    }

    public static GcPauseClock StartNew() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0));

    public double Seconds => (GC.GetTotalPauseDuration() - start).TotalSeconds;

    /// <summary>Collections of any generation since the start (every collection counts generation 0).</summary>
    public int Collections => GC.CollectionCount(0) - collectionsAtStart;
}
