using Qwen3EvalTests.Suites;

using Qwen3EvalTests.Gate;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>The gate's inputs resolve before anything runs; a skip is never the only thing the gate reports.</summary>
public sealed class SuiteValidationTests
{
    [Fact]
    public void EveryCheckedInSuiteLoadsWithoutProblems()
    {
        GateSuites.Suites.Select(s => s.Name).Should().Contain(["qwen2", "qwen2.5", "qwen3", "tiny"]);
        GateSuites.Suites.SelectMany(s => s.Cases).Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void EveryRecordedCaseHasItsRecording()
    {
        var missing = GateSuites.Suites.Where(s => s.Baseline == BaselineOrigin.Recorded)
            .SelectMany(s => s.Cases)
            .Select(c => Assertions.RepositoryFiles.PathOf(RepositoryLayout.Baselines + "/" + c.Baseline.Id))
            .Where(p => !File.Exists(p))
            .ToList();
        missing.Should().BeEmpty("every recorded case needs baselines/runs/…; record them with `dotnet run --project src/Qwen3EvalTests.Cli -- baseline record`");
    }

    [Fact]
    public void SettingsComeFromMsBuildPropertiesAndEnvironmentOverridesThem()
    {
        var settings = GateSettings.Load(name => name switch
        {
            "EVAL_DEVICE" => "CUDA",
            "EVAL_MODELS_DIR" => "/models",
            "EVAL_LIMIT" => "20",
            _ => null,
        });
        settings.Device.Should().Be("cuda");
        settings.ModelsDir.Should().Be("/models");
        settings.Limit.Should().Be(20);
        GateSettings.Load(_ => null).Device.Should().Be("cpu", "cpu is the default device");
    }
}
