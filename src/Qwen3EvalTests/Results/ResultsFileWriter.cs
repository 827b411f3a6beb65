using System.Text.Json;

namespace Qwen3EvalTests.Results;

/// <summary>
/// Writes one benchmark run's results file as the questions are scored: header first, then each
/// question as it arrives, then the summary. Memory stays flat however many questions there are.
/// The file is written under a temporary name and moved into place by <see cref="Complete"/>, so a
/// killed run never leaves a truncated results file behind.
/// </summary>
public sealed class ResultsFileWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;
    private bool _completed;

    public ResultsFileWriter(string path, RunHeader header)
    {
        _path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(_path)!;
        try
        {
            Directory.CreateDirectory(folder);
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
    }

    public string FilePath => _path;

    public void Write(QuestionRecord question)
    {
        try
        {
            JsonSerializer.Serialize(_json, question, PersistedJson.Default.QuestionRecord);
            if (_json.BytesPending > 1 << 16)
            {
                _json.Flush();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(e);
        }
    }

    /// <summary>Writes the summary and moves the file into place.</summary>
    /// <exception cref="EvalInputException">The disk is full or the file cannot be written; nothing is left under the final name.</exception>
    public void Complete(RunSummary summary)
    {
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
