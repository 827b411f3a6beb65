namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>A table of a report: column headers and rows of cells (plain text).</summary>
public sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
