using System.Diagnostics;

namespace Qwen3EvalTests.Cli.Tests.Gating;

/// <summary>
/// <c>.ci/coverage</c>, the merge behind `.ci/run`'s coverage line, on two hand-written Cobertura reports (one per
/// "assembly") whose expected totals are counted by hand in the comments.
/// </summary>
public sealed class CoverageScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qwen3eval-coverage-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void CountsEachSourceLineOfSrcOnceAcrossAssemblies()
    {
        Directory.CreateDirectory(Path.Combine(_root, "src"));
        var results = Path.Combine(_root, "TestResults");
        // Assembly 1: A.cs lines 1 (hit) and 2 (missed, 1 of 2 branches), each listed under its method and its class;
        // generated code under obj/ (not counted) and a file outside src/ (not counted).
        Write(Path.Combine(results, "one", "coverage.cobertura.xml"), $"""
            <class name="A" filename="Lib/A.cs">
              <methods><method name="M"><lines>
                <line number="1" hits="1" branch="False" />
                <line number="2" hits="0" branch="True" condition-coverage="50% (1/2)">
                  <conditions><condition number="1" type="jump" coverage="50%" /></conditions>
                </line>
              </lines></method></methods>
              <lines>
                <line number="1" hits="1" branch="False" />
                <line number="2" hits="0" branch="True" condition-coverage="50% (1/2)" />
              </lines>
            </class>
            <class name="G" filename="Lib/obj/Debug/net10.0/G.g.cs"><lines><line number="1" hits="0" branch="False" /></lines></class>
            <class name="T" filename="{_root}/tests/T.cs"><lines><line number="1" hits="0" branch="False" /></lines></class>
            """);
        // Assembly 2: A.cs line 2 hit with both branches, line 3 missed; B.cs line 1 missed with 0 of 4 branches.
        Write(Path.Combine(results, "two", "coverage.cobertura.xml"), """
            <class name="A" filename="Lib/A.cs"><lines>
              <line number="2" hits="3" branch="True" condition-coverage="100% (2/2)" />
              <line number="3" hits="0" branch="False" />
            </lines></class>
            <class name="B" filename="Other/B.cs"><lines>
              <line number="1" hits="0" branch="True" condition-coverage="0% (0/4)" />
            </lines></class>
            """);

        var (exitCode, stdout, stderr) = Coverage(results);

        // Lines A:1, A:2 covered of A:1, A:2, A:3, B:1 → 2/4; branches: A:2 best 2/2, B:1 0/4 → 2/6.
        exitCode.Should().Be(0, stderr);
        stdout.Should().Be("coverage: line 50.0 %, branch 33.3 % (src/)\n");
    }

    [Fact]
    public void FailsNamingTheFolderWhenNoReportIsThere()
    {
        var (exitCode, _, stderr) = Coverage(_root);

        exitCode.Should().Be(1);
        stderr.Should().Contain(_root).And.Contain("XPlat Code Coverage");
    }

    private void Write(string path, string classes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0" branch-rate="0" version="1.9">
              <sources>
                <source>{_root}/src/</source>
              </sources>
              <packages><package name="P"><classes>
            {classes}
              </classes></package></packages>
            </coverage>
            """);
    }

    private (int ExitCode, string Stdout, string Stderr) Coverage(string results)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, ".ci", "coverage"));
        start.ArgumentList.Add(results);
        start.ArgumentList.Add(_root);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
