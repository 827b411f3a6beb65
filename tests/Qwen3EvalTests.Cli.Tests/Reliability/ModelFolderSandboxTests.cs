using System.Text.Json.Nodes;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Tests;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>
/// The catalogue of model folders that reach outside themselves, loop, or hold files the harness must not read, each
/// through <c>qwen3eval model inspect</c> and <c>qwen3eval run</c>: both exit 2 naming the field or entry and the path,
/// with no stack trace, and run writes no results file. Inspect refusing exactly what run refuses is the point: both read
/// the folder through <see cref="ModelFolderSandbox"/>.
/// </summary>
public sealed class ModelFolderSandboxTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public static TheoryData<string, string> Cases { get; } = Matrix(
        ["dot-dot decoder path", "absolute decoder path", "absolute custom ops library", "symlinked file to outside", "symlinked folder to outside",
            "symlink loop", "self link", "dangling symlink", "oversized tokenizer.json", "unreadable tokenizer_config.json", "unreadable weights"],
        ["inspect", "run"]);

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AFolderThatBreaksTheSandboxIsRefusedNamingTheFieldAndPath(string shape, string command)
    {
        var model = _scratch.CopyOfTinyModel("model");
        var outside = Directory.CreateDirectory(_scratch["outside"]).FullName;
        var culprits = Break(shape, model, outside);

        var run = command == "inspect"
            ? await CliRun.RunAsync("model", "inspect", "--model", model)
            : await CliRun.RunAsync("run", "--model", model, "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--no-cache");

        run.Log();
        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput, "stdout: {0}\nstderr: {1}", run.Stdout, run.Stderr);
        run.Stderr.Should().StartWith("error: ");
        var said = command == "inspect" ? run.Stdout + run.Stderr : run.Stderr;
        foreach (var culprit in culprits)
        {
            said.Should().Contain(culprit, "the message must name the field, the path and the breach");
        }

        said.Should().NotContain("IOException").And.NotContain("UnauthorizedAccessException");
        run.ShouldPrintNoStackTrace();
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
    }

    [Fact]
    public async Task ASymlinkThatStaysInsideTheFolderIsFollowedAndHashedByItsOwnName()
    {
        var model = _scratch.CopyOfTinyModel("model");
        var kept = Path.Combine(model, "originals");
        Directory.CreateDirectory(kept);
        File.Move(Path.Combine(model, "tokenizer.json"), Path.Combine(kept, "tokenizer.json"));
        File.CreateSymbolicLink(Path.Combine(model, "tokenizer.json"), Path.Combine("originals", "tokenizer.json"));

        var run = await CliRun.RunAsync("model", "inspect", "--model", model);

        run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stdout + run.Stderr);
        var hashes = Provenance.ModelFileHashes.Of(model);
        hashes.Should().ContainKey("tokenizer.json").And.ContainKey("originals/tokenizer.json");
        hashes["tokenizer.json"].Should().Be(hashes["originals/tokenizer.json"]);
    }

    /// <summary>Breaks <paramref name="model"/> as <paramref name="shape"/> says; returns what the message must name.</summary>
    private static string[] Break(string shape, string model, string outside)
    {
        var config = Path.Combine(model, "genai_config.json");
        switch (shape)
        {
            case "dot-dot decoder path":
                // A real ONNX file outside the folder, so only the sandbox stands between it and the run.
                CopyModelFiles(model, outside);
                SetConfig(config, root => root["model"]!["decoder"]!["filename"] = "../outside/model.onnx");
                return [config, "model.decoder.filename", "'../outside/model.onnx'", Path.Combine(outside, "model.onnx"), "outside the model folder"];
            case "absolute decoder path":
                CopyModelFiles(model, outside);
                var absolute = Path.Combine(outside, "model.onnx");
                SetConfig(config, root => root["model"]!["decoder"]!["filename"] = absolute);
                return [config, "model.decoder.filename", $"'{absolute}' is an absolute path"];
            case "absolute custom ops library":
                SetConfig(config, root => root["model"]!["decoder"]!["session_options"] = new JsonObject { ["custom_ops_library"] = "/usr/lib/libevil.so" });
                return [config, "model.decoder.session_options.custom_ops_library", "'/usr/lib/libevil.so' is an absolute path"];
            case "symlinked file to outside":
                var tokenizer = Path.Combine(model, "tokenizer.json");
                File.Move(tokenizer, Path.Combine(outside, "tokenizer.json"));
                File.CreateSymbolicLink(tokenizer, Path.Combine(outside, "tokenizer.json"));
                return [tokenizer, $"resolves to {Path.Combine(outside, "tokenizer.json")}, outside the model folder"];
            case "symlinked folder to outside":
                File.WriteAllText(Path.Combine(outside, "notes.txt"), "not the model's");
                var linkedFolder = Path.Combine(model, "extras");
                Directory.CreateSymbolicLink(linkedFolder, outside);
                return [linkedFolder, $"is a symlink that resolves to {outside}, outside the model folder"];
            case "symlink loop":
                File.CreateSymbolicLink(Path.Combine(model, "a"), "b");
                File.CreateSymbolicLink(Path.Combine(model, "b"), "a");
                return [Path.Combine(model, "a"), "is a symlink that never resolves (a loop of symlinks"];
            case "self link":
                var self = Path.Combine(model, "self");
                Directory.CreateSymbolicLink(self, ".");
                return [self, "would contain itself without end"];
            case "dangling symlink":
                var dangling = Path.Combine(model, "added_tokens.json");
                File.CreateSymbolicLink(dangling, "gone.json");
                return [dangling, "is a symlink to gone.json, which does not exist"];
            case "oversized tokenizer.json":
                var big = Path.Combine(model, "tokenizer.json");
                using (var stream = new FileStream(big, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(2L * 1024 * 1024 * 1024); // sparse: no 2 GB are written
                }

                return [big, "is 2048.0 MiB (2147483648 bytes), more than the 64 MiB"];
            case "unreadable tokenizer_config.json":
                return Unreadable(Path.Combine(model, "tokenizer_config.json"));
            case "unreadable weights":
                return Unreadable(Path.Combine(model, "model.onnx.data"));
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "not a case of the catalogue");
        }
    }

    private static string[] Unreadable(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("chmod 000 (UnixFileMode.None) has no Windows equivalent here; the permission-denied case runs on Linux and macOS.");
        }
        else
        {
            File.SetUnixFileMode(file, UnixFileMode.None);
        }
        if (SkipRequirements.PermissionsEnforced(file) is { } reason)
        {
            Assert.Skip(reason);
        }

        return [file, "cannot be read (permission denied)", "chmod a+r"];
    }

    private static void CopyModelFiles(string model, string outside)
    {
        foreach (var name in new[] { "model.onnx", "model.onnx.data" })
        {
            File.Copy(Path.Combine(model, name), Path.Combine(outside, name));
        }
    }

    private static void SetConfig(string config, Action<JsonNode> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(config))!;
        change(root);
        File.WriteAllText(config, root.ToJsonString());
    }

    private static TheoryData<string, string> Matrix(string[] shapes, string[] commands)
    {
        var data = new TheoryData<string, string>();
        foreach (var shape in shapes)
        {
            foreach (var command in commands)
            {
                data.Add(shape, command);
            }
        }

        return data;
    }
}
