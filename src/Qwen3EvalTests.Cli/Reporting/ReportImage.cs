namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>A PNG plot of a report: written beside report.md and embedded as a data URI in report.html.</summary>
public sealed record ReportImage(string FileName, string Alt, byte[] Png);
