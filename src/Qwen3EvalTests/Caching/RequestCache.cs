using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Caching;

/// <summary>
/// Per-request results in one SQLite file, shared safely by several processes: WAL journal, a busy
/// timeout, short transactions and <c>INSERT OR IGNORE</c> (results are deterministic, so either
/// writer's row is right). A corrupt file is moved aside and rebuilt with a warning; a row whose stored
/// key does not match its key, or whose score is not a possible one (a non-finite or positive log-probability, a negative token
/// count: <see cref="EngineAnswerCheck"/>, e.g. written by an older version from a faulty engine), is ignored and counted,
/// with one warning per kind, so nothing wrong is served.
/// </summary>
public sealed partial class RequestCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Action<string> _warn;
    private readonly HashSet<string> _rejected = new(StringComparer.Ordinal);

    private RequestCache(string path, SqliteConnection connection, Action<string> warn)
    {
        Path = path;
        _connection = connection;
        _warn = warn;
    }

    /// <summary>The cache file.</summary>
    public string Path { get; }

    /// <summary>Rows ignored on read because their stored key or JSON did not match, or their score is impossible (they are rewritten on the next miss).</summary>
    public long RejectedRows { get; private set; }

    /// <summary>Of <see cref="RejectedRows"/>, those whose score is impossible (<see cref="EngineAnswerCheck.ProblemOf(LogLikelihoodResult)"/>).</summary>
    public long ImpossibleRows { get; private set; }

    /// <summary>Opens or creates the cache at <paramref name="path"/>; <paramref name="warn"/> receives one line per recovered problem.</summary>
    /// <exception cref="EvalInputException">The file or its folder cannot be written.</exception>
    public static RequestCache Open(string path, Action<string> warn)
    {
        var full = System.IO.Path.GetFullPath(path);
        CreateFolder(full);
        try
        {
            return new RequestCache(full, OpenChecked(full), warn);
        }
        catch (SqliteException e) when (IsCorrupt(e))
        {
            var aside = MoveAside(full);
            warn($"warning: the cache file {full} was corrupt ({e.Message.Trim()}); moved it to {aside} and started an empty cache.");
            return new RequestCache(full, OpenChecked(full), warn);
        }
        catch (SqliteException e) when (IsUnwritable(e))
        {
            throw Unwritable(full, e);
        }
        catch (SqliteException e) when (IsWriteFailure(e))
        {
            throw WriteFailed(full, e);
        }
    }

    /// <summary>Rows in the cache (all models, all kinds).</summary>
    public long Count()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM results";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The stored entries of <paramref name="keys"/>, in order; null where missing or rejected.</summary>
    public IReadOnlyList<CachedEntry?> GetMany(IReadOnlyList<RequestCacheKey> keys)
    {
        try
        {
            return GetManyUnguarded(keys);
        }
        catch (SqliteException e) when (IsWriteFailure(e))
        {
            throw WriteFailed(Path, e);
        }
    }

    /// <summary>Stores <paramref name="entries"/> in one short transaction; rows already there (another writer's) are kept.</summary>
    /// <exception cref="EvalInputException">The disk is full or the file cannot be written; the rows stored before stay readable.</exception>
    public void PutMany(IReadOnlyList<(RequestCacheKey Key, CachedEntry Entry)> entries)
    {
        try
        {
            PutManyUnguarded(entries);
        }
        catch (SqliteException e) when (IsWriteFailure(e))
        {
            throw WriteFailed(Path, e);
        }
    }

    private CachedEntry?[] GetManyUnguarded(IReadOnlyList<RequestCacheKey> keys)
    {
        var found = new CachedEntry?[keys.Count];
        using var transaction = _connection.BeginTransaction(deferred: true);
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM results WHERE key_hash = $key";
        var parameter = command.Parameters.Add("$key", SqliteType.Text);
        for (var i = 0; i < keys.Count; i++)
        {
            parameter.Value = keys[i].Hash;
            if (command.ExecuteScalar() is string json)
            {
                found[i] = Verified(keys[i], json);
            }
        }

        transaction.Commit();
        return found;
    }

    private void PutManyUnguarded(IReadOnlyList<(RequestCacheKey Key, CachedEntry Entry)> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var createdAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        using var transaction = _connection.BeginTransaction(deferred: false);
        using var delete = _connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM results WHERE key_hash = $key";
        var deleteKey = delete.Parameters.Add("$key", SqliteType.Text);

        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO results (key_hash, model_hash, execution_provider, kind, prompt_prefix, value, created_at)
            VALUES ($key, $model, $provider, $kind, $prefix, $value, $created)
            """;
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var model = insert.Parameters.Add("$model", SqliteType.Text);
        var provider = insert.Parameters.Add("$provider", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var prefix = insert.Parameters.Add("$prefix", SqliteType.Text);
        var value = insert.Parameters.Add("$value", SqliteType.Text);
        insert.Parameters.AddWithValue("$created", createdAt);
        foreach (var (entryKey, entry) in entries)
        {
            if (_rejected.Remove(entryKey.Hash))
            {
                deleteKey.Value = entryKey.Hash;
                delete.ExecuteNonQuery();
            }

            key.Value = entryKey.Hash;
            model.Value = entryKey.ModelHash;
            provider.Value = ProviderOf(entryKey.Text);
            kind.Value = entryKey.Kind;
            prefix.Value = entryKey.PromptPrefix;
            value.Value = JsonSerializer.Serialize(entry, CacheJsonContext.Default.CachedEntry);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Runs SQLite's full integrity check; "ok" when the file is sound.</summary>
    public string IntegrityCheck()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose() => _connection.Dispose();

    private CachedEntry? Verified(RequestCacheKey key, string json)
    {
        CachedEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize(json, CacheJsonContext.Default.CachedEntry);
        }
        catch (JsonException)
        {
            entry = null;
        }

        var fits = entry is not null
            && entry.Format == RequestCacheKey.FormatVersion
            && entry.Key == key.Hash
            && (key.Kind == RequestKind.Score ? entry.Score is not null : entry.Generation is not null);
        if (fits && entry!.Score is { } score && EngineAnswerCheck.ProblemOf(score) is { } problem)
        {
            RejectedRows++;
            ImpossibleRows++;
            _rejected.Add(key.Hash);
            if (ImpossibleRows == 1)
            {
                _warn($"warning: the cache file {Path} has a row with an impossible score ({problem}; key {key.Hash}), written by an older version or a faulty engine; ignoring it and recomputing. Rows like it are ignored without another warning.");
            }

            return null;
        }

        if (fits)
        {
            return entry;
        }

        RejectedRows++;
        _rejected.Add(key.Hash);
        if (RejectedRows - ImpossibleRows == 1)
        {
            _warn($"warning: the cache file {Path} has a row that does not match its key ({key.Hash}); ignoring it and recomputing. Delete the file if this repeats.");
        }

        return null;
    }

    private static string ProviderOf(string keyText)
    {
        const string marker = "\nexecutionProvider=";
        var start = keyText.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var colon = keyText.IndexOf(':', start);
        var end = keyText.IndexOf('\n', colon);
        return keyText[(colon + 1)..end];
    }
}
