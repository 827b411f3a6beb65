using System.Text.Json;

namespace Qwen3EvalTests.Cli.Tests.Caching;

/// <summary>What a results file says about one question: the parts a resumed run must reproduce exactly.</summary>
internal sealed record QuestionResult(string Subject, int Index, string? Predicted, string LogLikelihoods)
{
    public static IReadOnlyList<QuestionResult> ReadAll(string resultsFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(resultsFile));
        return document.RootElement.GetProperty("questions").EnumerateArray()
            .Select(q => new QuestionResult(
                q.GetProperty("subject").GetString()!,
                q.GetProperty("index").GetInt32(),
                q.TryGetProperty("predicted", out var p) ? p.GetString() : null,
                string.Join(" ", q.GetProperty("logLikelihoods").EnumerateArray().Select(l => l.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)))))
            .ToList();
    }
}
