using Microsoft.VisualBasic.FileIO;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Tests;

using Qwen3EvalTests.Gate;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// End to end on the full data: a model planted to always answer one letter scores exactly the share of
/// that letter among the answers (micro for MMLU, the mean of per-subject shares for C-Eval and CMMLU as
/// the qwen protocol averages them). The expectation is counted here with .NET's own TextFieldParser, not
/// with the harness's reader. Runs where the full data is (EvalDataDir, or ../shared/data beside the
/// repository); skips with the path otherwise. Prompts are 0-shot to keep the ~27,000 questions within about
/// a minute on two cores (the answer does not depend on the prompt; 5-shot reuse is measured by `qwen3eval run`).
/// </summary>
public sealed class PlantedModelAccuracyTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("qwen3eval-planted-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    /// <summary>The smallest generated model: the planted letter decides, so its size does not matter.</summary>
    public static TinyModelSpec PlantedSpec(char letter) => TinyModelSpec.Smallest(new TinyModelSpec(Seed: 7, PlantedAnswer: letter));

    [Theory]
    [InlineData("mmlu", 'A')]
    [InlineData("ceval", 'C')]
    [InlineData("cmmlu", 'B')]
    public void PlantedModelScoresExactlyTheShareOfItsLetter(string benchmarkId, char letter)
    {
        var found = FullData();
        if (SkipRequirements.FullData(found, RepositoryLayout.Under(Assertions.RepositoryFiles.Root, RepositoryLayout.SharedData)) is { } reason)
        {
            Assert.Skip(reason);
        }

        var data = found!; // the requirement above holds only for an existing folder

        var benchmark = BenchmarkIds.Parse(benchmarkId);
        var protocol = PromptProtocols.Get("qwen");
        var settings = protocol.Settings(benchmark, chat: false);
        var expected = ExpectedShare(Path.Combine(data, benchmarkId, settings.ScoredSplit.ToString().ToLowerInvariant()), letter, settings.Average);

        var folder = TinyModelCache.GetOrCreate(PlantedSpec(letter), GateSettings.Current.Layout.TinyModelsDir);
        using var model = GenAiLanguageModel.Load(folder);
        var run = new BenchmarkEvaluator(model)
            .Run(new EvaluationPlan(benchmark, protocol, data, Shots: 0), Path.Combine(_output, benchmarkId + ".json"), cancellationToken: TestContext.Current.CancellationToken);

        run.Summary.Questions.Should().Be(expected.Questions);
        run.Summary.Accuracy.Should().BeApproximately(expected.Share, 1e-12, "the planted model answers {0} to every question", letter);
    }

    private static string? FullData()
    {
        var candidates = new[] { GateSettings.Current.DataDir, RepositoryLayout.Under(Assertions.RepositoryFiles.Root, RepositoryLayout.SharedData) };
        return candidates.FirstOrDefault(d => d is not null && Directory.Exists(Path.Combine(d, "mmlu")) && Directory.GetFiles(Path.Combine(d, "mmlu", "test")).Length == 57);
    }

    /// <summary>Share of <paramref name="letter"/> among the answers of every CSV in the split folder.</summary>
    private static (int Questions, double Share) ExpectedShare(string splitFolder, char letter, AverageKind average)
    {
        var perSubject = new List<(int Total, int Hits)>();
        foreach (var file in Directory.GetFiles(splitFolder, "*.csv").Order(StringComparer.Ordinal))
        {
            using var parser = new TextFieldParser(file) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
            parser.SetDelimiters(",");
            var first = true;
            int total = 0, hits = 0, answerColumn = -1;
            while (!parser.EndOfData)
            {
                var fields = parser.ReadFields()!;
                if (first)
                {
                    first = false;
                    var header = Array.FindIndex(fields, f => f is "answer" or "Answer");
                    if (header >= 0 || fields[0].Length == 0)
                    {
                        answerColumn = header;
                        continue;
                    }

                    answerColumn = fields.Length - 1;
                }

                total++;
                hits += fields[answerColumn] == letter.ToString() ? 1 : 0;
            }

            perSubject.Add((total, hits));
        }

        var questions = perSubject.Sum(s => s.Total);
        var share = average == AverageKind.Micro
            ? (double)perSubject.Sum(s => s.Hits) / questions
            : perSubject.Average(s => (double)s.Hits / s.Total);
        return (questions, share);
    }
}
