using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qwen3EvalTests.Cli.Tests.Gating;

/// <summary>
/// The gate summary's Mermaid charts on the fixture run, parsed back: the score chart has one bar per measured case (its
/// accuracy) and the baseline with its tolerance band as three lines; each case's subject chart has one bar per subject
/// (its accuracy minus the baseline) and the ends of its 95 % Wilson interval as two lines. Expected values are counted
/// here from the fixture's results and recordings with JsonDocument, with the interval formulas written out.
/// </summary>
public sealed partial class GateSummaryChartsTests : IDisposable
{
    private const double Z = 1.959963984540054;

    private static readonly string Fixture = Path.Combine(RepositoryRoot.Path, "tests", "Qwen3EvalTests.Cli.Tests", "Gating", "Fixture");

    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-gate-charts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheScoreChartDrawsEachMeasuredCaseAgainstItsBaselineAndToleranceBand()
    {
        var charts = await Charts();

        var scores = charts[0];
        scores.Kind.Should().Be("xychart-beta");
        scores.Labels.Should().BeEquivalentTo("tiny/tiny-bytes-seed1/mmlu", "tiny/tiny-planted-a/mmlu"); // the summary's order: failed first
        var cases = scores.Labels;
        scores.Bars.Should().ContainSingle().Which.Should().Equal(cases.Select(c => Round(Percent(Results(c)))));
        scores.Lines.Should().HaveCount(3);
        for (var i = 0; i < cases.Count; i++)
        {
            var measured = Percent(Results(cases[i]));
            var baseline = Percent(Recording(cases[i]));
            var n = Results(cases[i]).Count;
            var tolerance = Math.Max(1.0, Z * Math.Sqrt(measured / 100 * (1 - measured / 100) / n) * 100); // tiny.yaml: 1 point, widened
            scores.Lines[0][i].Should().Be(Round(Math.Max(0, baseline - tolerance)));
            scores.Lines[1][i].Should().Be(Round(baseline));
            scores.Lines[2][i].Should().Be(Round(Math.Min(100, baseline + tolerance)));
        }
    }

    [Fact]
    public async Task EachCasesSubjectChartDrawsTheDeltaFromTheBaselineWithItsInterval()
    {
        var charts = await Charts();

        charts.Should().HaveCount(3, "the score chart and one subject chart per measured case");
        charts.Skip(1).Select(c => c.Title.Split(':')[0]).Should().BeEquivalentTo(charts[0].Labels, "one subject chart per case of the score chart");
        foreach (var chart in charts.Skip(1))
        {
            var caseId = chart.Title.Split(':')[0];
            var baseline = Percent(Recording(caseId));
            var bySubject = Results(caseId).GroupBy(q => q.Subject).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            chart.Labels.Should().BeEquivalentTo(bySubject.Select(g => g.Key));
            var order = chart.Labels.Select(l => bySubject.Single(g => g.Key == l)).ToList();
            chart.Bars.Single().Should().Equal(order.Select(g => Round(100.0 * g.Count(q => q.Correct) / g.Count() - baseline)));
            chart.Lines.Should().HaveCount(2);
            for (var i = 0; i < order.Count; i++)
            {
                var (low, high) = Wilson(order[i].Count(q => q.Correct), order[i].Count());
                chart.Lines[0][i].Should().Be(Round(low * 100 - baseline));
                chart.Lines[1][i].Should().Be(Round(high * 100 - baseline));
                chart.Lines[0][i].Should().BeLessThanOrEqualTo(chart.Bars[0][i]).And.Subject.Should().BeLessThanOrEqualTo(chart.Lines[1][i]);
            }
        }
    }

    private async Task<IReadOnlyList<MermaidChart>> Charts()
    {
        CopyFolder(Path.Combine(Fixture, "repo"), Path.Combine(_folder, "repo"));
        var run = await CliRun.RunAsync("gate", "summary", "--trx", Path.Combine(Fixture, "trx"), "--results", Path.Combine(Fixture, "eval"), "--repo", Path.Combine(_folder, "repo"));
        run.ExitCode.Should().Be(0, run.Stderr);
        return [.. MermaidBlock().Matches(run.Stdout).Select(m => MermaidChart.Parse(m.Groups[1].Value))];
    }

    private static List<(string Subject, bool Correct)> Results(string caseId) => Questions(Path.Combine(Fixture, "eval", caseId + ".json"));

    private static List<(string Subject, bool Correct)> Recording(string caseId) => Questions(Path.Combine(Fixture, "repo", "baselines", "runs", caseId["tiny/".Length..] is var rest ? "tiny/" + rest + ".json" : ""));

    private static List<(string Subject, bool Correct)> Questions(string path)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(path));
        return [.. file.RootElement.GetProperty("questions").EnumerateArray().Select(q => (q.GetProperty("subject").GetString()!, q.GetProperty("correct").GetBoolean()))];
    }

    private static double Percent(List<(string Subject, bool Correct)> questions) => 100.0 * questions.Count(q => q.Correct) / questions.Count;

    private static (double Low, double High) Wilson(int correct, int n)
    {
        var p = (double)correct / n;
        var centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n)) / (1 + Z * Z / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static double Round(double value) => double.Parse(value.ToString("0.00", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    /// <summary>One xychart: its title, x-axis labels, bar series and line series, parsed from the Mermaid text.</summary>
    private sealed record MermaidChart(string Kind, string Title, IReadOnlyList<string> Labels, IReadOnlyList<double[]> Bars, IReadOnlyList<double[]> Lines)
    {
        public static MermaidChart Parse(string text)
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string Only(string prefix) => lines.Should().ContainSingle(l => l.StartsWith(prefix, StringComparison.Ordinal)).Subject[prefix.Length..];
            var title = Regex.Match(Only("title "), "^\"(.*)\"$").Groups[1].Value;
            var labels = Regex.Matches(Only("x-axis "), "\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
            Only("y-axis ").Should().MatchRegex("^\"[^\"]+\" -?[0-9.]+ --> -?[0-9.]+$");
            double[] Series(string line) =>
                [.. line.Trim('[', ']').Split(',').Select(v => double.Parse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture))];
            var bars = lines.Where(l => l.StartsWith("bar ", StringComparison.Ordinal)).Select(l => Series(l[4..])).ToList();
            var series = lines.Where(l => l.StartsWith("line ", StringComparison.Ordinal)).Select(l => Series(l[5..])).ToList();
            bars.Concat(series).Should().OnlyContain(s => s.Length == labels.Count, "every series has one value per x-axis label");
            return new MermaidChart(lines[0], title, labels, bars, series);
        }
    }
}
