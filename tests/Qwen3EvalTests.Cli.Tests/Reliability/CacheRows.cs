using Microsoft.Data.Sqlite;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>Reads a request cache file from outside the run that writes it.</summary>
internal static class CacheRows
{
    /// <summary>Rows in the cache; 0 while the file does not exist or cannot be read yet.</summary>
    public static long Count(string cacheFile)
    {
        if (!File.Exists(cacheFile))
        {
            return 0;
        }

        try
        {
            return (long)Scalar(cacheFile, "SELECT COUNT(*) FROM results")!;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    public static object? Scalar(string cacheFile, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={cacheFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Waits until the cache holds a row while <paramref name="running"/> says the run is still going.</summary>
    public static async Task WaitForFirstRowAsync(string cacheFile, Func<bool> running)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Count(cacheFile) == 0 && running() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
