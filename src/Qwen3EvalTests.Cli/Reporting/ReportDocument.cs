namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>A report before it is rendered: one model that the Markdown and HTML writers both print.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<string> Intro, IReadOnlyList<ReportSection> Sections);
