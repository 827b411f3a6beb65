using System.Text.Json;
using Qwen3EvalTests.Assertions;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Suites;
using Qwen3EvalTests.Tests.Baselines;

namespace Qwen3EvalTests.Tests.Templates;

/// <summary>
/// The content of the qwen3eval-gate template (src/Qwen3EvalTests.Templates/content/qwen3eval-gate): its suite loads against the
/// shipped catalogue as the gate will load it, every template parameter replaces something, and the version tokens the pack
/// stamps are the only placeholders left. eng/consumer-check.sh instantiates it with dotnet new and runs it.
/// </summary>
public class GateTemplateContentTests
{
    private static readonly string Content = RepositoryFiles.PathOf("src/Qwen3EvalTests.Templates/content/qwen3eval-gate");

    [Fact]
    public void ItsSuiteGatesTheUsersModelAgainstQwen3BaseAndItsOwnRecording()
    {
        var suite = SuiteLoader.Load(Path.Combine(Content, "evalsuites", "my-model.yaml"), OfficialBaselines.Load());

        var only = suite.Cases.Should().ContainSingle().Subject;
        only.Id.Should().Be("my-model/qwen3-0.6b-base/mmlu");
        only.Benchmark.Should().Be(Benchmark.Mmlu);
        only.Baseline.Origin.Should().Be(BaselineOrigin.Both);
        only.Baseline.Id.Should().Be("qwen3-0.6b-base/mmlu");
        only.Baseline.RecordingPath.Should().Be("runs/my-model/qwen3-0.6b-base/mmlu.json");
        only.Folder.Should().Be("MY_MODEL_FOLDER", "the modelFolder parameter replaces it");
    }

    [Fact]
    public void EveryParameterReplacesTextThatIsInTheContent()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(Content, ".template.config", "template.json")));
        var files = Directory.GetFiles(Content, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".template.config", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        var symbols = template.RootElement.GetProperty("symbols").EnumerateObject().ToList();

        symbols.Select(s => s.Name).Should().BeEquivalentTo("baseModel", "modelFolder", "suite");
        foreach (var symbol in symbols)
        {
            var replaces = symbol.Value.GetProperty("replaces").GetString()!;
            files.Should().Contain(text => text.Contains(replaces, StringComparison.Ordinal), "parameter {0} replaces '{1}'", symbol.Name, replaces);
        }

        template.RootElement.GetProperty("shortName").GetString().Should().Be("qwen3eval-gate");
        template.RootElement.GetProperty("sourceName").GetString().Should().Be("MyModel.Gate.Tests");
        File.Exists(Path.Combine(Content, "MyModel.Gate.Tests.csproj")).Should().BeTrue("sourceName renames the project file");
    }

    [Fact]
    public void TheProjectReferencesThePackagesByTheTokensThePackStamps()
    {
        var project = File.ReadAllText(Path.Combine(Content, "MyModel.Gate.Tests.csproj"));

        project.Should().Contain("""<PackageReference Include="Qwen3EvalTests.Xunit" Version="QWEN3EVAL_PACKAGE_VERSION" />""")
            .And.Contain("""<PackageReference Include="Microsoft.ML.OnnxRuntimeGenAI" Version="GENAI_PACKAGE_VERSION" Condition="'$(EvalDevice)' != 'cuda'" />""")
            .And.Contain("""<PackageReference Include="Microsoft.ML.OnnxRuntimeGenAI.Cuda" Version="GENAI_PACKAGE_VERSION" Condition="'$(EvalDevice)' == 'cuda'" />""");
        var stamping = File.ReadAllText(RepositoryFiles.PathOf("src/Qwen3EvalTests.Templates/Qwen3EvalTests.Templates.csproj"));
        foreach (var token in System.Text.RegularExpressions.Regex.Matches(project, "[A-Z0-9]+_PACKAGE_VERSION").Select(m => m.Value).Distinct())
        {
            stamping.Should().Contain($"Replace('{token}'", "the pack stamps {0}", token);
        }
    }
}
