using Qwen3EvalTests.Evaluation;

namespace Qwen3EvalTests.Tests.Evaluation;

public sealed class ReadAheadTests
{
    [Fact]
    public void ItemsComeInOrderFromAnotherThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var producedOn = new HashSet<int>();

        IEnumerable<int> Source()
        {
            for (var i = 0; i < 100; i++)
            {
                lock (producedOn)
                {
                    producedOn.Add(Environment.CurrentManagedThreadId);
                }

                yield return i;
            }
        }

        ReadAhead.Of(Source(), depth: 3, TestContext.Current.CancellationToken).Should().Equal(Enumerable.Range(0, 100));
        producedOn.Should().ContainSingle().Which.Should().NotBe(caller);
    }

    [Fact]
    public void TheSourcesExceptionArrivesAfterEveryItemBeforeIt()
    {
        IEnumerable<int> Source()
        {
            yield return 1;
            yield return 2;
            throw new EvalInputException("row 3 is broken", file: "x.csv", line: 3);
        }

        var seen = new List<int>();
        var reading = () =>
        {
            foreach (var item in ReadAhead.Of(Source(), depth: 1, TestContext.Current.CancellationToken))
            {
                seen.Add(item);
            }
        };

        reading.Should().Throw<EvalInputException>().Which.Message.Should().Contain("row 3 is broken");
        seen.Should().Equal(1, 2);
    }

    [Fact]
    public void LeavingEarlyStopsTheSourceAndDisposesIt()
    {
        var disposed = new ManualResetEventSlim();
        var produced = 0;

        IEnumerable<int> Source()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    Interlocked.Increment(ref produced);
                    yield return i;
                }
            }
            finally
            {
                disposed.Set();
            }
        }

        ReadAhead.Of(Source(), depth: 2, TestContext.Current.CancellationToken).Take(5).Should().Equal(0, 1, 2, 3, 4);

        disposed.IsSet.Should().BeTrue("leaving the loop waits until the source's enumerator is disposed");
        produced.Should().BeLessThanOrEqualTo(5 + 2 + 1, "the source runs at most depth items ahead, plus one being added");
    }

    [Fact]
    public void CancellationStopsTheWaitForTheNextItem()
    {
        using var cancel = new CancellationTokenSource();
        using var never = new ManualResetEventSlim();

        IEnumerable<int> Source()
        {
            yield return 1;
            never.Wait(TimeSpan.FromSeconds(30));
            yield return 2;
        }

        var reading = () =>
        {
            foreach (var item in ReadAhead.Of(Source(), depth: 1, cancel.Token))
            {
                cancel.Cancel();
            }
        };

        reading.Should().Throw<OperationCanceledException>();
        never.Set();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ADepthBelowOneIsRefused(int depth) =>
        FluentActions.Invoking(() => ReadAhead.Of([1], depth)).Should().Throw<ArgumentOutOfRangeException>();
}
