using Qwen3EvalTests.Provenance;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Tests.Results;

/// <summary>Builds small <see cref="ResultsFile"/>s by hand: per question (subject, answer, predicted).</summary>
public static class HandBuiltResults
{
    public static RunHeader Header(string protocol = "qwen", string benchmark = "mmlu", string modelHash = "aaaa") => new(
        "tiny", "/models/tiny", "base",
        new RunSettings(benchmark, protocol, "test", "micro", 5, false, "loglikelihood", 2, 2048, "LogLikelihood"),
        "/data", "2026-01-01T00:00:00Z",
        new RunEnvironment("0.1.0", null, "linux", "x64", ".NET", "onnxruntime-genai 0.18.0", "cpu",
            new Dictionary<string, string> { ["model.onnx"] = modelHash },
            new Dictionary<string, string> { ["mmlu/test/a_test.csv"] = "dddd" }));

    public static ResultsFile File(RunHeader header, params (string Subject, string Answer, string Predicted)[] questions)
    {
        var tally = new AccuracyTally();
        var records = new List<QuestionRecord>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (subject, answer, predicted) in questions)
        {
            var i = index.GetValueOrDefault(subject);
            index[subject] = i + 1;
            tally.Add(new QuestionOutcome(subject, i, answer[0], predicted[0], [-1, -2, -3, -4], null, 10, 0), "STEM");
            records.Add(new QuestionRecord(subject, i, answer, predicted, answer == predicted, [-1, -2, -3, -4], null, 10, 0));
        }

        var score = tally.ToScore();
        var summary = new RunSummary(score.Micro.Total, score.Micro.Correct, score.Micro.Value, "micro", score.Micro, score.Macro, 0, 0, score.Subjects, score.Categories, new RunCounters(0, 0, 0, 0, 0));
        var identity = RunIdentity.Of(header.Settings, header.Environment);
        return new ResultsFile(ResultsFormat.Version, header with { Identity = identity }, records, summary);
    }
}
