namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>A report before it is rendered: one model that the Markdown and HTML writers both print.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<string> Intro, IReadOnlyList<ReportSection> Sections);

/// <summary>One section of a report: a heading, lines of text, tables and plots, in that order.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportImage> Images);

/// <summary>A table of a report: column headers and rows of cells (plain text).</summary>
public sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A PNG plot of a report: written beside report.md and embedded as a data URI in report.html.</summary>
public sealed record ReportImage(string FileName, string Alt, byte[] Png);
