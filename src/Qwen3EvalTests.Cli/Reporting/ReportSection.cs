namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>One section of a report: a heading, lines of text, tables and plots, in that order.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportImage> Images);
