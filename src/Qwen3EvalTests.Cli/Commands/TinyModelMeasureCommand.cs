using System.CommandLine;
using System.Diagnostics;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// qwen3eval tiny-model measure: prefill tokens/s and scored requests/s on a byte-level tiny model for a shared
/// few-shot prefix with suffixed questions, with prefix reuse (batch 1) and without (fresh model per request, or batched).
/// </summary>
public static class TinyModelMeasureCommand
{
    public static Command Create(TextWriter stdout)
    {
        var questionsOption = new Option<int>("--questions") { Description = "Questions sharing the prefix.", DefaultValueFactory = _ => 100 };
        var prefixOption = new Option<int>("--prefix-tokens") { Description = "Approximate tokens of the shared prefix.", DefaultValueFactory = _ => 700 };
        var modelOption = new Option<string?>("--model") { Description = "Model folder (default: the byte-level tiny model, generated under the temp folder)." };
        var command = new Command("measure", "Measure scoring throughput with and without KV-cache prefix reuse.");
        command.Options.Add(questionsOption);
        command.Options.Add(prefixOption);
        command.Options.Add(modelOption);
        command.SetAction(parseResult =>
        {
            RunOptionsValidator.CheckMeasure(parseResult.GetValue(questionsOption), parseResult.GetValue(prefixOption), parseResult.GetValue(modelOption)).ThrowIfAny("the options");
            var folder = parseResult.GetValue(modelOption)
                ?? TinyModelCache.GetOrCreate(new TinyModelSpec(), Path.Combine(Path.GetTempPath(), "qwen3eval-tiny-models"));
            var questions = parseResult.GetValue(questionsOption);
            var requests = Requests(parseResult.GetValue(prefixOption), questions);
            stdout.WriteLine($"model {folder}; {questions} requests, 4 continuations each");
            Measure(stdout, "prefix reuse (batch 1)", folder, GenAiModelOptions.Default, requests, perRequestModel: false);
            Measure(stdout, "no reuse (fresh model state per request)", folder, GenAiModelOptions.Default, requests, perRequestModel: true);
            Measure(stdout, "no reuse, batched (batch 4)", folder, new GenAiModelOptions(BatchSize: 4), requests, perRequestModel: false);
            return QwenEvalCli.ExitOk;
        });
        return command;
    }

    private static List<LogLikelihoodRequest> Requests(int prefixTokens, int questions)
    {
        var prefix = new System.Text.StringBuilder("The following are multiple choice questions (with answers) about arithmetic.\n\n");
        for (var i = 0; prefix.Length < prefixTokens; i++)
        {
            prefix.Append($"What is {i} + {i * 7 % 13}?\nA. {i}\nB. {i + 1}\nC. {i + 2}\nD. {i + 3}\nAnswer: B\n\n");
        }

        return Enumerable.Range(0, questions)
            .Select(q => new LogLikelihoodRequest($"{prefix}What is {q} times {q % 9}?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer:", [" A", " B", " C", " D"]))
            .ToList();
    }

    private static void Measure(TextWriter stdout, string label, string folder, GenAiModelOptions options, List<LogLikelihoodRequest> requests, bool perRequestModel)
    {
        using var model = GenAiLanguageModel.Load(folder, options);
        var stopwatch = Stopwatch.StartNew();
        var counters = InferenceCounters.Zero;
        if (perRequestModel)
        {
            foreach (var request in requests)
            {
                stopwatch.Stop();
                using var fresh = GenAiLanguageModel.Load(folder, options);
                stopwatch.Start();
                fresh.Score([request]);
                counters = Add(counters, fresh.Counters);
            }
        }

        else
        {
            model.Score(requests);
            counters = model.Counters;
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        stdout.WriteLine(
            $"{label}: {requests.Count / seconds:F1} requests/s, {counters.PrefilledTokens / counters.ForwardTime.TotalSeconds:F0} prefill tokens/s in forward calls; "
            + $"prefilled {counters.PrefilledTokens}, reused {counters.ReusedTokens}, {counters.ForwardCalls} forward calls, {seconds:F2} s wall");
    }

    private static InferenceCounters Add(InferenceCounters a, InferenceCounters b) =>
        new(a.PrefilledTokens + b.PrefilledTokens, a.ForwardCalls + b.ForwardCalls, a.ReusedTokens + b.ReusedTokens, a.ForwardTime + b.ForwardTime);
}
