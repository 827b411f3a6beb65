using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// Enumerates a sequence on a thread of its own, up to <c>depth</c> items ahead of the caller: the evaluator reads, renders
/// and tokenizes the next questions while the engine scores the current ones. Items come in order; an exception the
/// sequence throws reaches the caller at the same place, after every item before it (so nothing computed before it is
/// lost). Stopping early (the caller's exception, cancellation, leaving the loop) stops the thread and waits for it.
/// </summary>
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return Enumerate(source, depth, cancellationToken);
    }

    private static IEnumerable<T> Enumerate<T>(IEnumerable<T> source, int depth, CancellationToken cancellationToken)
    {
        using var queue = new BlockingCollection<Next<T>>(depth);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Factory.StartNew(() => Produce(source, queue, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            while (true)
            {
                var next = queue.Take(cancellationToken);
                next.Error?.Throw();
                if (next.IsEnd)
                {
                    yield break;
                }

                yield return next.Item!;
            }
        }
        finally
        {
            stop.Cancel();
            // The producer ends on its own: it catches everything, and a cancelled Add returns at once.
            producer.Wait(CancellationToken.None);
        }
    }

    private static void Produce<T>(IEnumerable<T> source, BlockingCollection<Next<T>> queue, CancellationToken stop)
    {
        Next<T> last;
        try
        {
            foreach (var item in source)
            {
                queue.Add(new Next<T>(item, null, false), stop);
            }

            last = new Next<T>(default, null, true);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            last = new Next<T>(default, ExceptionDispatchInfo.Capture(e), false);
        }

        try
        {
            queue.Add(last, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private sealed record Next<T>(T? Item, ExceptionDispatchInfo? Error, bool IsEnd);
}
