using System.Xml;
using System.Xml.Linq;

namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// Reads every <c>*.trx</c> file under a folder (what <c>dotnet test --logger trx --results-directory DIR</c>
/// writes: one per test assembly). Results are returned in file order (files by relative path, ordinal),
/// then in the order each file lists them.
/// </summary>
public static class TrxReader
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TrxTestResult> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new EvalInputException("TRX folder not found: pass the --results-directory of `dotnet test --logger trx` (e.g. TestResults/trx).", file: folder, field: "--trx");
        }

        var files = Directory.GetFiles(folder, "*.trx", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new EvalInputException("no *.trx file in the folder: run the tests with `dotnet test --logger trx --results-directory <this folder>`.", file: folder, field: "--trx");
        }

        var results = files.SelectMany(f => ReadFile(Path.Combine(folder, f), f)).ToList();
        if (results.Count == 0)
        {
            throw new EvalInputException($"the TRX files ({string.Join(", ", files)}) hold no test results: the run found no tests (check the --filter) or stopped before running any.", file: folder, field: "--trx");
        }

        return results;
    }

    /// <summary>Reads one TRX file; <paramref name="name"/> is how results name it.</summary>
    public static IReadOnlyList<TrxTestResult> ReadFile(string path, string name)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new EvalInputException($"not a well-formed TRX file ({e.Message}): re-run the tests, or remove the file if it is left over from an interrupted run.", file: path, line: e.LineNumber);
        }

        if (document.Root?.Name != Trx + "TestRun")
        {
            throw new EvalInputException($"not a TRX file: its root element is <{document.Root?.Name.LocalName}>, expected <TestRun> in namespace {Trx.NamespaceName}.", file: path);
        }

        var results = new List<TrxTestResult>();
        foreach (var element in document.Root.Descendants(Trx + "UnitTestResult"))
        {
            var testName = element.Attribute("testName")?.Value;
            var outcome = element.Attribute("outcome")?.Value;
            if (testName is null || outcome is null)
            {
                var line = ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : (long?)null;
                throw new EvalInputException("a UnitTestResult lacks its testName or outcome attribute: the file is not a VSTest TRX.", file: path, line: line, field: testName is null ? "testName" : "outcome");
            }

            // xUnit puts a skip reason in ErrorInfo/Message; other adapters write it to StdOut.
            var output = element.Element(Trx + "Output");
            var message = output?.Element(Trx + "ErrorInfo")?.Element(Trx + "Message")?.Value ?? output?.Element(Trx + "StdOut")?.Value;
            results.Add(new TrxTestResult(name, testName, TrxTestResult.OutcomeOf(outcome), outcome, message));
        }

        return results;
    }
}
