namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>What every case of the catalogue asserts about how qwen3eval ended.</summary>
internal static class CatalogueAssertions
{
    /// <summary>The exit code, an "error: " first line (after any start-of-run notes) that names every culprit, and no stack trace anywhere.</summary>
    public static void ShouldFailNaming(this CliRun run, int exitCode, params string[] culprits)
    {
        run.Log();
        run.ExitCode.Should().Be(exitCode, "stderr: {0}", run.Stderr);
        run.StderrWithoutNotes.Should().StartWith("error: ");
        foreach (var culprit in culprits)
        {
            run.Stderr.Should().Contain(culprit, "the message must name the culprit");
        }

        run.ShouldPrintNoStackTrace();
    }

    /// <summary>Writes the exit code and the first line of stderr but notes to the test output (the README's error table is made from it).</summary>
    public static void Log(this CliRun run) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"exit {run.ExitCode}: {run.StderrWithoutNotes.Split('\n')[0]}");

    public static void ShouldPrintNoStackTrace(this CliRun run) =>
        (run.Stdout + "\n" + run.Stderr).Split('\n').Should().NotContain(line => line.StartsWith("   at ", StringComparison.Ordinal), "no stack trace without --verbose");

    /// <summary>Results files (final or partial) anywhere under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> ResultsFilesUnder(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFiles(folder, "*.json*", SearchOption.AllDirectories).Where(f => !f.Contains("/models/", StringComparison.Ordinal))]
        : [];
}
