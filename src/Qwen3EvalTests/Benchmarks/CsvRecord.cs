namespace Qwen3EvalTests.Benchmarks;

/// <summary>One CSV record: its fields exactly as written (quotes removed, "" unescaped) and the physical line it starts on.</summary>
public sealed record CsvRecord(IReadOnlyList<string> Fields, long Line);
