using Qwen3EvalTests.Provenance;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Tests.Provenance;

public sealed class RunIdentityTests
{
    private static RunSettings Settings() => new(
        "mmlu", "qwen", "test", "micro", 5, false, "loglikelihood", 2, 2048, "LogLikelihood", null, "t1");

    private static RunEnvironment Environment(string modelHash = "m1", string dataHash = "d1", string engine = "onnxruntime-genai 0.18.0", string provider = "cpu") => new(
        "0.1.0", "abc", "linux", "x64", ".NET 10", engine, provider,
        new Dictionary<string, string> { ["model.onnx"] = modelHash, ["genai_config.json"] = "g1" },
        new Dictionary<string, string> { ["mmlu/test/a.csv"] = dataHash });

    public static TheoryData<string> ChangedFields() =>
    [
        "benchmark", "protocol", "templates", "split", "average", "shots", "chat", "scoring", "choiceRule", "limit",
        "maxContext", "generation", "seed", "temperature", "engine", "provider", "modelFile", "dataFile",
    ];

    private static (RunSettings, RunEnvironment) Change(string field)
    {
        var s = Settings();
        var e = Environment();
        var generation = new RunGeneration(32, 0, 0, ["<|im_end|>"]);
        return field switch
        {
            "benchmark" => (s with { Benchmark = "cmmlu" }, e),
            "protocol" => (s with { Protocol = "lm-eval" }, e),
            "templates" => (s with { PromptTemplates = "t2" }, e),
            "split" => (s with { Split = "val" }, e),
            "average" => (s with { Average = "macro" }, e),
            "shots" => (s with { Shots = 0 }, e),
            "chat" => (s with { Chat = true }, e),
            "scoring" => (s with { Scoring = "generation" }, e),
            "choiceRule" => (s with { ChoiceRule = "TokenNormalised" }, e),
            "limit" => (s with { Limit = 3 }, e),
            "maxContext" => (s with { MaxContextTokens = 4096 }, e),
            "generation" => (s with { Generation = generation }, e),
            "seed" => (s with { Generation = generation with { Temperature = 0.7, Seed = 1 } }, e),
            "temperature" => (s with { Generation = generation with { Temperature = 0.7 } }, e),
            "engine" => (s, Environment(engine: "vllm 0.9")),
            "provider" => (s, Environment(provider: "cuda")),
            "modelFile" => (s, Environment(modelHash: "m2")),
            "dataFile" => (s, Environment(dataHash: "d2")),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    [Theory]
    [InlineData("onnxruntime-genai 0.19.0 (cpu), onnxruntime 1.31.0")]
    [InlineData("onnxruntime-genai 0.20.0 (cpu), onnxruntime 1.32.0")]
    [InlineData("onnxruntime-genai 0.18.0 (cpu), onnxruntime 1.31.1")]
    [InlineData("onnxruntime-genai 0.18.0 (cuda), onnxruntime 1.31.0")]
    public void AnotherGenAiOrOnnxRuntimeVersionIsAnotherIdentity(string engine)
    {
        var pinned = RunIdentity.Of(Settings(), Environment(engine: "onnxruntime-genai 0.18.0 (cpu), onnxruntime 1.31.0"));

        RunIdentity.Of(Settings(), Environment(engine: engine)).Should().NotBe(pinned, "moving the GenAI package or its ONNX Runtime must show as an identity change");
    }

    [Fact]
    public void TheSameInputsGiveTheSameHash()
    {
        var hash = RunIdentity.Of(Settings(), Environment());
        RunIdentity.Of(Settings(), Environment()).Should().Be(hash);
        hash.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void WhatCannotChangeAScoreLeavesTheHashAlone()
    {
        var hash = RunIdentity.Of(Settings(), Environment());
        var elsewhere = Environment() with { OperatingSystem = "windows", GitCommit = "def", HarnessVersion = "0.2.0", Cpu = "arm64" };
        RunIdentity.Of(Settings() with { Repeat = 3 }, elsewhere).Should().Be(hash);
    }

    [Theory]
    [MemberData(nameof(ChangedFields))]
    public void ChangingAnyOneScoreRelevantFieldChangesTheHash(string field)
    {
        var (settings, environment) = Change(field);
        RunIdentity.Of(settings, environment).Should().NotBe(RunIdentity.Of(Settings(), Environment()), $"{field} can change a score");
    }

    [Fact]
    public void TheSeedOfGreedyGenerationDoesNotMatter()
    {
        var greedy = Settings() with { Generation = new RunGeneration(32, 0, 0, []) };

        RunIdentity.Of(greedy with { Generation = greedy.Generation! with { Seed = 5 } }, Environment()).Should().Be(RunIdentity.Of(greedy, Environment()));
    }

    [Fact]
    public void ModelFileOrderDoesNotMatter()
    {
        var reordered = Environment() with { ModelFiles = new Dictionary<string, string> { ["genai_config.json"] = "g1", ["model.onnx"] = "m1" } };
        RunIdentity.Of(Settings(), reordered).Should().Be(RunIdentity.Of(Settings(), Environment()));
    }
}
