using System.Security.Cryptography;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Provenance;

namespace Qwen3EvalTests.Tests.Provenance;

/// <summary>
/// The model hash reads its folder through <see cref="ModelFolderSandbox"/>: it never leaves the folder, never loops,
/// refuses an oversized parsed file but streams weights of any size, and turns file-system errors into input problems.
/// </summary>
public sealed class ModelFileHashesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qwen3eval-hashes-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void HashesEveryFileBySlashSeparatedRelativePath()
    {
        var model = Model();
        Directory.CreateDirectory(Path.Combine(model, "sub"));
        File.WriteAllText(Path.Combine(model, "sub", "extra.bin"), "xyz");

        var hashes = ModelFileHashes.Of(model);

        hashes.Keys.Should().Equal("genai_config.json", "sub/extra.bin", "tokenizer.json");
        hashes["sub/extra.bin"].Should().Be(Convert.ToHexStringLower(SHA256.HashData("xyz"u8)));
    }

    [Fact]
    public void AFolderSymlinkOutsideIsRefusedAndNothingBehindItIsHashed()
    {
        var model = Model();
        var outside = Directory.CreateDirectory(Path.Combine(_root, "system")).FullName;
        File.WriteAllText(Path.Combine(outside, "passwd"), "root:x:0:0");
        var link = Path.Combine(model, "etc");
        Directory.CreateSymbolicLink(link, outside);

        var act = () => ModelFileHashes.Of(model);

        act.Should().Throw<EvalInputException>()
            .Which.Message.Should().Contain(link).And.Contain($"resolves to {outside}, outside the model folder").And.NotContain("passwd");
    }

    [Theory]
    [InlineData("self", ".")]
    [InlineData("up", "..")]
    public void AFolderSymlinkToTheFolderOrAboveIsALoopNotAnEndlessWalk(string name, string target)
    {
        var model = Model();
        var link = Path.Combine(model, name);
        Directory.CreateSymbolicLink(link, target);

        var act = () => ModelFileHashes.Of(model);

        var message = act.Should().Throw<EvalInputException>().Which.Message;
        message.Should().Contain(link);
        message.Should().Contain(target == "." ? "would contain itself without end" : "outside the model folder");
    }

    [Fact]
    public void TwoSymlinksToEachOtherAreALoopOfSymlinks()
    {
        var model = Model();
        File.CreateSymbolicLink(Path.Combine(model, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(model, "b"), "a");

        var act = () => ModelFileHashes.Of(model);

        act.Should().Throw<EvalInputException>().Which.Message
            .Should().Contain("2 problems").And.Contain(Path.Combine(model, "a")).And.Contain(Path.Combine(model, "b")).And.Contain("a loop of symlinks");
    }

    [Fact]
    public void TheSizeLimitAppliesToParsedFilesNotToWeights()
    {
        var model = Model();
        var overLimit = ModelFolderSandbox.MaxParsedFileBytes + 1;
        Sparse(Path.Combine(model, "model.onnx.data"), overLimit);

        ModelFileHashes.Of(model).Should().ContainKey("model.onnx.data", "weights are streamed, whatever their size");

        var tokenizer = Path.Combine(model, "tokenizer.json");
        Sparse(tokenizer, overLimit);
        var act = () => ModelFileHashes.Of(model);

        act.Should().Throw<EvalInputException>().Which.Message
            .Should().Contain(tokenizer).And.Contain($"({overLimit} bytes), more than the 64 MiB");
    }

    [Fact]
    public void APathThroughASymlinkIsJudgedWhereItLeadsNotHowItReads()
    {
        var model = Model();
        var outside = Directory.CreateDirectory(Path.Combine(_root, "elsewhere", "deep")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(model, "sub"), outside);
        var sandbox = ModelFolderSandbox.Open(model);
        var config = Path.Combine(model, "genai_config.json");

        // Read as text, "sub/../model.onnx" is inside the folder; the OS follows sub first and lands in elsewhere/.
        var act = () => sandbox.Resolve("sub/../model.onnx", config, "model.decoder.filename");

        act.Should().Throw<EvalInputException>().Which.Message
            .Should().Contain("field 'model.decoder.filename'").And.Contain(Path.Combine(_root, "elsewhere", "model.onnx")).And.Contain("outside the model folder");
        sandbox.Resolve("tokenizer.json", config, null).Should().Be(Path.Combine(model, "tokenizer.json"));
    }

    [Fact]
    public void AFileSystemErrorBecomesAnInputProblemNamingThePathAndTheFix()
    {
        var path = Path.Combine(_root, "tokenizer.json");

        var denied = () => ModelFolderSandbox.Guarded<int>(path, () => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied."));
        var gone = () => ModelFolderSandbox.Guarded<int>(path, () => throw new FileNotFoundException("Could not find file.", path));

        denied.Should().Throw<EvalInputException>().Which.Message.Should().Be($"{path}: cannot be read (permission denied); make it readable by this user (e.g. chmod a+r) or remove it from the model folder.");
        gone.Should().Throw<EvalInputException>().Which.Message.Should().StartWith($"{path}: cannot be read (it is gone");
    }

    private string Model()
    {
        var model = Directory.CreateDirectory(Path.Combine(_root, "model")).FullName;
        File.WriteAllText(Path.Combine(model, "genai_config.json"), "{}");
        File.WriteAllText(Path.Combine(model, "tokenizer.json"), "{}");
        return model;
    }

    private static void Sparse(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.SetLength(length);
    }
}
