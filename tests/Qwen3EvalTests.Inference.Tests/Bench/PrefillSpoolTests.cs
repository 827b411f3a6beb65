using Qwen3EvalTests.Application.Bench;
using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.Bench;

public sealed class PrefillSpoolTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("prefill-spool-");

    public void Dispose() => folder.Delete(recursive: true);

    private static PrefillRecord[] Records() =>
    [
        new(0, [151643, 9707, 25, 362], ReadsEveryRow: false),
        new(4, [], ReadsEveryRow: true),
        new(2, [.. Enumerable.Range(0, 40_000).Select(i => i * 7 % 151_936)], ReadsEveryRow: true),
        new(int.MaxValue, [-1, int.MinValue], ReadsEveryRow: false),
    ];

    private static string Describe(PrefillRecord record) => $"{record.Start}|{record.ReadsEveryRow}|{string.Join(',', record.Tokens)}";

    [Fact]
    public void ReadsBackEveryRecordInOrderWithItsCounts()
    {
        using var spool = new PrefillSpool(folder.FullName);
        foreach (var record in Records())
        {
            spool.Add(record);
        }

        spool.Count.Should().Be(4);
        spool.Tokens.Should().Be(40_006);
        spool.Read().Select(Describe).Should().Equal(Records().Select(Describe));
        spool.Read().Select(Describe).Should().Equal(Records().Select(Describe), "a second read starts from the first record again");
    }

    [Fact]
    public void RecordsAddedAfterAReadFollowTheEarlierOnes()
    {
        using var spool = new PrefillSpool(folder.FullName);
        spool.Add(Records()[0]);
        spool.Read().Should().ContainSingle();

        spool.Add(Records()[2]);

        spool.Read().Select(Describe).Should().Equal(Describe(Records()[0]), Describe(Records()[2]));
    }

    [Fact]
    public void KeepsItsRecordsOnDiskAndDeletesTheFileWhenDisposed()
    {
        var spool = new PrefillSpool(folder.FullName);
        spool.Add(Records()[2]);
        spool.Read().Should().ContainSingle();

        var file = folder.GetFiles().Should().ContainSingle().Subject;
        file.Refresh();
        file.Length.Should().BeGreaterThanOrEqualTo(40_000 * sizeof(int), "the tokens are in the file, not only in memory");

        spool.Dispose();

        folder.GetFiles().Should().BeEmpty();
    }

    [Fact]
    public void AFolderItCannotWriteToIsNamedWithWhatToDo()
    {
        var missing = Path.Combine(folder.FullName, "absent");

        var create = () => new PrefillSpool(missing);

        create.Should().Throw<EvalInputException>().WithMessage($"cannot write {missing}*(the reuse run's forward calls, kept for the floor)*leave floor out of --runs");
    }
}
