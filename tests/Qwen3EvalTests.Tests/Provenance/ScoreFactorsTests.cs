using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Provenance;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Tests.Results;

namespace Qwen3EvalTests.Tests.Provenance;

/// <summary>Every field of <see cref="RunSettings"/> changes the identity and shows in the manifest diff, unless it is listed as not a factor with its reason.</summary>
public sealed class ScoreFactorsTests
{
    private static readonly RunSettings Settings = new("mmlu", "qwen", "test", "micro", 5, false, "next-token", 2, 2048, "LogLikelihood", null, "t1", 1) { Truncation = "left:2048" };

    private static readonly RunEnvironment Environment = new(
        "0.1.0", "abc", "linux", "x64", ".NET 10", "onnxruntime-genai 0.18.0", "cpu",
        new Dictionary<string, string> { ["model.onnx"] = "m1" },
        new Dictionary<string, string> { ["mmlu/test/a.csv"] = "d1" });

    public static TheoryData<string> SettingsFields() => [.. RecordMutation.Properties<RunSettings>().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(SettingsFields))]
    public void EverySettingsFieldIsAFactorOrSaysWhyNot(string field)
    {
        var property = typeof(RunSettings).GetProperty(field)!;
        var changed = RecordMutation.With(Settings, property);
        var header = new RunHeader("m", null, "base", Settings, "/data", "t", Environment);
        var diff = RunComparison.ManifestDiff(header, header with { Settings = changed });

        if (ScoreFactors.NotFactors.ContainsKey(field))
        {
            RunIdentity.Of(changed, Environment).Should().Be(RunIdentity.Of(Settings, Environment), ScoreFactors.NotFactors[field]);
            diff.Should().NotContain(d => d.AffectsScore);
            return;
        }

        RunIdentity.Of(changed, Environment).Should().NotBe(RunIdentity.Of(Settings, Environment), $"{field} can change a score");
        diff.Should().Contain(d => d.AffectsScore, $"the manifest diff shows a change of {field}");
    }

    [Fact]
    public void TheIdentityIsTakenOverTheFactorsInTheirOrder()
    {
        var factors = ScoreFactors.Of(Settings, Environment);

        RunIdentity.CanonicalText(Settings, Environment).Should().Be(
            "identity-version=3\n" + string.Concat(factors.Select(f => $"{f.Key}={f.Value ?? "(none)"}\n")));
        factors.Select(f => f.Key).Should().OnlyHaveUniqueItems().And.Contain(["truncation", "engine", "model-file:model.onnx", "data-file:mmlu/test/a.csv"]);
    }
}
