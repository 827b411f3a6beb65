using Qwen3EvalTests.Gate.Snapshots;

namespace Qwen3EvalTests.Tests.Snapshots;

public sealed class SnapshotAssertTests : IDisposable
{
    private static readonly SnapshotSettings Strict = new(AutoAccept: false);
    private readonly string directory = Directory.CreateTempSubdirectory("snapshots-").FullName;

    private string Approved => Path.Combine(directory, "case.approved.txt");

    private string Received => Path.Combine(directory, "case.received.txt");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void PassesAndRemovesAStaleReceivedFileWhenTextMatches()
    {
        File.WriteAllText(Approved, "line 1\nline 2");
        File.WriteAllText(Received, "old");

        SnapshotAssert.Matches("line 1\nline 2", Approved, Received, Strict);

        File.Exists(Received).Should().BeFalse();
    }

    [Fact]
    public void MismatchWritesReceivedAndFailsWithDiffAndAcceptCommand()
    {
        File.WriteAllText(Approved, "a\nb\nc\nd\ne\nf\ng\nh\n");

        var act = () => SnapshotAssert.Matches("a\nb\nc\nd\nE\nf\ng\nh\n", Approved, Received, Strict);

        act.Should().Throw<SnapshotMismatchException>().Which.Message.Should()
            .Contain("@@ -2 +2 @@\n b⏎\n c⏎\n d⏎\n-e⏎\n+E⏎\n f⏎\n g⏎\n h⏎\n")
            .And.Contain($"mv '{Received}' '{Approved}'")
            .And.Contain(SnapshotSettings.AcceptVariable);
        File.ReadAllText(Received).Should().Be("a\nb\nc\nd\nE\nf\ng\nh\n");
        File.ReadAllText(Approved).Should().Be("a\nb\nc\nd\ne\nf\ng\nh\n");
    }

    [Fact]
    public void TrailingSpacesAndMissingFinalNewlineAreVisible()
    {
        File.WriteAllText(Approved, "Answer:\n");

        var act = () => SnapshotAssert.Matches("Answer: ", Approved, Received, Strict);

        act.Should().Throw<SnapshotMismatchException>().Which.Message.Should().Contain("-Answer:⏎\n+Answer:·\n");
    }

    [Fact]
    public void MissingApprovedFileFailsShowingTheWholeText()
    {
        var act = () => SnapshotAssert.Matches("new\ttext\r\n", Approved, Received, Strict);

        act.Should().Throw<SnapshotMismatchException>().Which.Message.Should()
            .StartWith("No approved snapshot yet: ").And.Contain("+new→text␍⏎\n");
        File.Exists(Received).Should().BeTrue();
    }

    [Fact]
    public void AutoAcceptWritesTheApprovedFile()
    {
        SnapshotAssert.Matches("accepted", Approved, Received, new SnapshotSettings(AutoAccept: true));

        File.ReadAllText(Approved).Should().Be("accepted");
        File.Exists(Received).Should().BeFalse();
    }

    [Theory]
    [InlineData("1", null, true)]
    [InlineData("1", "true", false)]
    [InlineData(null, null, false)]
    public void AutoAcceptOnlyLocally(string? accept, string? ci, bool expected)
    {
        var settings = SnapshotSettings.From(name => name == "CI" ? ci : name == SnapshotSettings.AcceptVariable ? accept : null);

        settings.AutoAccept.Should().Be(expected);
    }
}
