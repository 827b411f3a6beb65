using System.Collections.Concurrent;

namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// The questions of a data file once it was read whole without a problem, remembered for the process while the file keeps
/// its length and last write time (taken before the read): the validator reads every file a plan needs before a model
/// loads, so a run's progress total does not parse the files again. A file that changed is counted again.
/// </summary>
internal static class QuestionCounts
{
    private static readonly ConcurrentDictionary<string, (FileStamp Stamp, long Questions)> Known = new(StringComparer.Ordinal);

    /// <summary>The file's length and last write time now; null when it does not exist.</summary>
    public static FileStamp? StampOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.FullName, info.Length, info.LastWriteTimeUtc) : null;
    }

    /// <summary>Remembers that the file as it was at <paramref name="stamp"/> holds <paramref name="questions"/> questions.</summary>
    public static void Remember(FileStamp stamp, long questions)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        Known[stamp.FullPath] = (stamp, questions);
    }

    /// <summary>The remembered count of <paramref name="path"/>, when the file is unchanged since.</summary>
    public static bool TryRecall(string path, out long questions)
    {
        if (StampOf(path) is { } now && Known.TryGetValue(now.FullPath, out var known) && known.Stamp == now)
        {
            questions = known.Questions;
            return true;
        }

        questions = 0;
        return false;
    }
}

/// <summary>A file as <see cref="QuestionCounts"/> recognizes it: its full path, length and last write time (UTC).</summary>
internal sealed record FileStamp(string FullPath, long Length, DateTime LastWriteUtc);
