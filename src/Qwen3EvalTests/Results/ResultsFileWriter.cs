using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Qwen3EvalTests.Results;

/// <summary>
/// Writes one benchmark run's results file as the questions are scored: header first, then each
/// question as it arrives, then the summary. Memory stays flat however many questions there are.
/// The file is written under a temporary name and moved into place by <see cref="Complete"/>, so a
/// killed run never leaves a truncated results file behind. Questions are serialized on a thread of the writer's own
/// (at most <see cref="QueuedQuestions"/> wait for it), so the scoring thread goes back to the engine at once; a write
/// that failed there is thrown by the next <see cref="Write"/> or by <see cref="Complete"/>.
/// </summary>
public sealed class ResultsFileWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly BlockingCollection<QuestionRecord> _queued = new(QueuedQuestions);
    private readonly Thread? _serializer;
    private ExceptionDispatchInfo? _serializerFailure;
    private bool _drained;
    private bool _completed;

    /// <summary>Questions handed to <see cref="Write"/> that may wait for the serializing thread before Write blocks.</summary>
    public const int QueuedQuestions = 1024;

    /// <summary>
    /// Deletes the <c>&lt;file&gt;.&lt;pid&gt;.partial</c> files a killed run left beside <paramref name="path"/>: those whose process no
    /// longer runs (a live run's own partial file is left alone, and so is this process's).
    /// </summary>
    public static int RemoveLeftoverPartials(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        var prefix = System.IO.Path.GetFileName(full) + ".";
        foreach (var partial in Directory.EnumerateFiles(folder, prefix + "*.partial"))
        {
            var pidText = System.IO.Path.GetFileName(partial)[prefix.Length..^".partial".Length];
            if (!int.TryParse(pidText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId || ProcessRuns(pid))
            {
                continue;
            }

            try
            {
                File.Delete(partial);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for a later run: it cannot be read as a results file anyway (only complete files are renamed into place).
            }
        }

        return removed;
    }

    private static bool ProcessRuns(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public ResultsFileWriter(string path, RunHeader header)
    {
        _path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(_path)!;
        try
        {
            Directory.CreateDirectory(folder);
            RemoveLeftoverPartials(_path);
            _temporaryPath = _path + $".{Environment.ProcessId}.partial";
            _stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw WriteFailure.Of(folder, e, "rerun (or choose another folder with --out).");
        }

        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        try
        {
            _json.WriteStartObject();
            _json.WriteNumber("formatVersion", ResultsFormat.Version);
            _json.WritePropertyName("run");
            JsonSerializer.Serialize(_json, header, PersistedJson.Default.RunHeader);
            _json.WritePropertyName("questions");
            _json.WriteStartArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Dispose();
            throw Failed(e);
        }

        _serializer = new Thread(SerializeQueued) { IsBackground = true, Name = "results file writer" };
        _serializer.Start();
    }

    public string FilePath => _path;

    /// <summary>Queues <paramref name="question"/> for the file.</summary>
    /// <exception cref="EvalInputException">An earlier question could not be written (a full disk).</exception>
    public void Write(QuestionRecord question)
    {
        ArgumentNullException.ThrowIfNull(question);
        ThrowIfSerializerFailed();
        _queued.Add(question);
    }

    private void SerializeQueued()
    {
        try
        {
            foreach (var question in _queued.GetConsumingEnumerable())
            {
                JsonSerializer.Serialize(_json, question, PersistedJson.Default.QuestionRecord);
                if (_json.BytesPending > 1 << 16)
                {
                    _json.Flush();
                }
            }
        }
        catch (Exception e)
        {
            // Thrown on the scoring thread by the next Write or Complete. What is still queued is dropped, so Write never blocks.
            Volatile.Write(ref _serializerFailure, ExceptionDispatchInfo.Capture(e));
            foreach (var dropped in _queued.GetConsumingEnumerable())
            {
                _ = dropped;
            }
        }
    }

    /// <summary>Waits until every queued question is serialized (or the serializer failed).</summary>
    private void DrainQueue()
    {
        if (_drained)
        {
            return;
        }

        _queued.CompleteAdding();
        _serializer?.Join();
        _drained = true;
    }

    private void ThrowIfSerializerFailed()
    {
        if (Volatile.Read(ref _serializerFailure) is not { } failure)
        {
            return;
        }

        if (failure.SourceException is IOException or UnauthorizedAccessException)
        {
            throw Failed(failure.SourceException);
        }

        failure.Throw();
    }

    /// <summary>Writes the summary and moves the file into place.</summary>
    /// <exception cref="EvalInputException">The disk is full or the file cannot be written; nothing is left under the final name.</exception>
    public void Complete(RunSummary summary)
    {
        DrainQueue();
        ThrowIfSerializerFailed();
        try
        {
            _json.WriteEndArray();
            _json.WritePropertyName("summary");
            JsonSerializer.Serialize(_json, summary, PersistedJson.Default.RunSummary);
            _json.WriteEndObject();
            _json.Flush();
            _json.Dispose();
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_temporaryPath, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(e);
        }

        _completed = true;
    }

    /// <summary>Closes the file; an incomplete one is deleted (a failed flush of its last bytes does not stop that).</summary>
    public void Dispose()
    {
        DrainQueue();
        _queued.Dispose();
        Close(_json);
        Close(_stream);
        if (!_completed && File.Exists(_temporaryPath))
        {
            File.Delete(_temporaryPath);
        }
    }

    private void Close(IDisposable part)
    {
        try
        {
            part.Dispose();
        }
        catch (IOException) when (!_completed)
        {
            // The last bytes of a file being thrown away could not be written (a full disk): nothing to keep.
        }
    }

    private EvalInputException Failed(Exception e) =>
        WriteFailure.Of(_path, e, "rerun: the request cache keeps every question already answered (--out chooses another folder).");
}
