using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// The reuse run's forward calls, kept for the floor's replay in a temporary file instead of in memory: they grow with
/// the dataset (2.13 M tokens, ~8.5 MB, over the MMLU test split), and held in memory they were part of the reuse run's
/// resident set, whose growth <c>bench</c> measures (RSS end ÷ 1,000: 1.13–1.16 with the floor asked for, against
/// 1.05 without; README "Performance"). Records are appended while the run scores, then read back in order, once or more;
/// the file is deleted when the spool is disposed.
/// </summary>
public sealed class PrefillSpool : IDisposable
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>How a write failure's message ends (<see cref="WriteFailure"/>).</summary>
    private const string Fix = "rerun, or leave floor out of --runs";

    private readonly string path;
    private readonly FileStream file;
    private readonly BinaryWriter writer;

    public PrefillSpool(string? folder = null)
    {
        path = Path.Combine(folder ?? Path.GetTempPath(), $"qwen3eval-prefills-{Guid.NewGuid():N}.bin");
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferBytes, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailure.Of($"{path} (the reuse run's forward calls, kept for the floor)", e, Fix);
        }

        writer = new BinaryWriter(file);
    }

    /// <summary>Records appended so far.</summary>
    public int Count { get; private set; }

    /// <summary>Tokens of every record appended so far.</summary>
    public long Tokens { get; private set; }

    public void Add(PrefillRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            writer.Write(record.Start);
            writer.Write(record.ReadsEveryRow);
            writer.Write(record.Tokens.Length);
            foreach (var token in record.Tokens)
            {
                writer.Write(token);
            }
        }
        catch (IOException e)
        {
            throw WriteFailure.Of($"{path} (the reuse run's forward calls, kept for the floor)", e, Fix);
        }

        Count++;
        Tokens += record.Tokens.Length;
    }

    /// <summary>The records in the order they were added. Adding while reading is not supported.</summary>
    public IEnumerable<PrefillRecord> Read()
    {
        try
        {
            writer.Flush();
        }
        catch (IOException e)
        {
            throw WriteFailure.Of($"{path} (the reuse run's forward calls, kept for the floor)", e, Fix);
        }

        var end = file.Position;
        file.Position = 0;
        using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            for (var i = 0; i < Count; i++)
            {
                var start = reader.ReadInt32();
                var readsEveryRow = reader.ReadBoolean();
                var tokens = new int[reader.ReadInt32()];
                for (var t = 0; t < tokens.Length; t++)
                {
                    tokens[t] = reader.ReadInt32();
                }

                yield return new PrefillRecord(start, tokens, readsEveryRow);
            }
        }
        finally
        {
            file.Position = end;
        }
    }

    public void Dispose()
    {
        writer.Dispose();
        file.Dispose();
    }
}
