using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Qwen3EvalTests.Caching;

/// <summary>Opening, checking, and recovering the cache file.</summary>
public sealed partial class RequestCache
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const string FormatVersion = "1";
    private const int SqliteCantOpen = 14;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private const int BusyTimeoutMilliseconds = 30_000;

    private const string Schema = $"""
        CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT OR IGNORE INTO meta (name, value) VALUES ('format', '{FormatVersion}');
        CREATE TABLE IF NOT EXISTS results (
            key_hash TEXT PRIMARY KEY,
            model_hash TEXT NOT NULL,
            execution_provider TEXT NOT NULL,
            kind TEXT NOT NULL,
            prompt_prefix TEXT NOT NULL,
            value TEXT NOT NULL,
            created_at TEXT NOT NULL);
        """;

    private static SqliteConnection OpenChecked(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)};");
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check";
                var verdict = check.ExecuteScalar() as string;
                if (verdict != "ok")
                {
                    throw new SqliteException($"PRAGMA quick_check said: {verdict}", SqliteCorrupt);
                }
            }

            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            Execute(connection, Schema);
            CheckFormat(connection, path);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A cache written by another format version is refused, not rebuilt: a newer harness may still need it.</summary>
    private static void CheckFormat(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE name = 'format'";
        var format = command.ExecuteScalar() as string;
        if (format != FormatVersion)
        {
            throw new EvalInputException(
                $"the request cache has format version {format ?? "(none)"}; this harness reads version {FormatVersion}. Pass --cache with another file, run with --no-cache, or delete the file to start an empty cache.",
                path,
                field: "meta.format");
        }
    }

    private static bool IsWriteFailure(SqliteException e) => e.SqliteErrorCode is SqliteFull or SqliteReadOnly or SqliteIoError;

    private static EvalInputException WriteFailed(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteFull => new EvalInputException(
            "no space left on device while writing the request cache; free space there (or pass --cache on another disk), then rerun: every row stored before is kept and served.", path, inner: e),
        SqliteReadOnly => new EvalInputException(
            "cannot write the request cache: read-only file system or file; make it writable, pass --cache with a writable file, or run with --no-cache.", path, inner: e),
        _ => WriteFailure.Of(path, e, "rerun (or pass --cache with a writable file, or --no-cache)."),
    };

    private static bool IsCorrupt(SqliteException e) => e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    private static bool IsUnwritable(SqliteException e) => e.SqliteErrorCode is SqliteReadOnly or SqliteCantOpen;

    private static EvalInputException Unwritable(string path, Exception inner) => new(
        "the request cache cannot be created or written here (a read-only file or folder, or a path through a file). Make it writable, pass --cache with a writable file, or run with --no-cache.",
        path,
        inner: inner);

    private static void CreateFolder(string path)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(path, e);
        }
    }

    private static string MoveAside(string path)
    {
        var aside = $"{path}.corrupt-{DateTime.UtcNow.ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture)}";
        File.Move(path, aside);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, aside + suffix);
            }
        }

        return aside;
    }
}
