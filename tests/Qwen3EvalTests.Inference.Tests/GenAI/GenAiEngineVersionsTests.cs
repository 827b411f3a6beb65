using System.Text.Json;
using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>The engine string every GenAI run records (and its identity hashes) names the packages this build restored.</summary>
public sealed class GenAiEngineVersionsTests
{
    [Fact]
    public void TheRecordedEngineNamesTheRestoredGenAiAndOnnxRuntimePackages()
    {
        var genAi = RestoredVersion("Microsoft.ML.OnnxRuntimeGenAI");
        var onnxRuntime = RestoredVersion("Microsoft.ML.OnnxRuntime");

        GenAiLanguageModel.Versions.Should().Be($"onnxruntime-genai {genAi} (cpu), onnxruntime {onnxRuntime}");
    }

    /// <summary>The version of <paramref name="package"/> in this test assembly's deps.json (what NuGet restored and the build copied).</summary>
    private static string RestoredVersion(string package)
    {
        var depsFile = Directory.GetFiles(AppContext.BaseDirectory, "*.deps.json").Single(f => Path.GetFileName(f).StartsWith("Qwen3EvalTests.Inference.Tests", StringComparison.Ordinal));
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var prefix = package + "/";
        return deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(library => library.Name)
            .Single(name => name.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
    }
}
