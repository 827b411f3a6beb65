using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>
/// The one message for a benchmark a protocol has no entry for: a protocol renders only the benchmarks in its table,
/// never another benchmark's strings.
/// </summary>
public static class UnsupportedBenchmark
{
    /// <summary>"protocol 'x' has no prompt form for benchmark 'y' …: use … or add an entry to the table".</summary>
    /// <param name="protocol">The protocol's name.</param>
    /// <param name="benchmark">The benchmark asked for.</param>
    /// <param name="chat">The form asked for.</param>
    /// <param name="table">Where the protocol's entries live, e.g. "QwenBenchmarkForms".</param>
    /// <param name="reason">Why there is no entry (null: the protocol's table simply has none).</param>
    public static string Message(string protocol, Benchmark benchmark, bool chat, string table, string? reason = null)
    {
        var id = benchmark.ToId();
        var form = chat ? "chat" : "base";
        var others = PromptProtocols.All.Where(p => p.Name != protocol && p.Renders(benchmark, chat)).Select(p => p.Name).ToList();
        var instead = others.Count > 0
            ? $"use a protocol that has one ({string.Join(", ", others)})"
            : "no protocol has one";
        return $"protocol '{protocol}' has no {form} prompt form for benchmark '{id}'{(reason is null ? "" : ": " + reason)}; {instead}, or add a '{id}' entry to {table} with the strings its reference uses.";
    }

    /// <summary>Throws the protocol's refusal as an <see cref="EvalInputException"/>, if it has one.</summary>
    /// <exception cref="EvalInputException">The protocol has no form for the benchmark.</exception>
    public static void ThrowIfRefused(IPromptProtocol protocol, Benchmark benchmark, bool chat)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.Refusal(benchmark, chat) is { } refusal)
        {
            throw new EvalInputException(refusal, field: "benchmark");
        }
    }
}
