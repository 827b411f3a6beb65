using System.Globalization;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Gate;

/// <summary>What decides the prompt text of a suite case: benchmark, protocol, shots, chat, mode. Models sharing it see the same prompts.</summary>
public static class PromptConfiguration
{
    public static string Of(SuiteCase c) => string.Create(
        CultureInfo.InvariantCulture,
        $"{c.Benchmark.ToId()}-{c.Protocol}-{c.Shots}shot-{(c.Chat ? "chat" : "base")}{(c.Mode is null ? "" : "-" + c.Mode)}");
}
