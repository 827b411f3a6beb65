using System.Xml.Linq;

namespace Qwen3EvalTests.Cli.Tests.Gating;

/// <summary>A minimal VSTest TRX written by a test: only what the TRX logger writes for each result that the summary reads.</summary>
public static class TrxDocument
{
    public static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Writes a TRX file holding one UnitTestResult per (testName, outcome, message).</summary>
    public static void Write(string path, params (string TestName, string Outcome, string? Message)[] results)
    {
        var document = new XDocument(new XElement(
            Trx + "TestRun",
            new XAttribute("id", Guid.Empty),
            new XAttribute("name", "written by a test"),
            new XElement(Trx + "Results", results.Select(r => new XElement(
                Trx + "UnitTestResult",
                new XAttribute("testName", r.TestName),
                new XAttribute("outcome", r.Outcome),
                r.Message is null ? null : new XElement(Trx + "Output", new XElement(Trx + "ErrorInfo", new XElement(Trx + "Message", r.Message))))))));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        document.Save(path);
    }
}
