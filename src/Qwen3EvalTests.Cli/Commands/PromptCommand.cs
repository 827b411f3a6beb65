using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval prompt</c>: prints exactly the prompt a protocol renders for one question of its
/// scored split (no newline added), or with --json the prompt and how it is scored.
/// </summary>
public static class PromptCommand
{
    public static Command Create(TextWriter stdout)
    {
        var data = new Option<string?>("--data") { Description = "The data folder (default: the shipped sample data set)." };
        var benchmark = new Option<string>("--benchmark") { Description = "mmlu, ceval or cmmlu.", Required = true };
        var subject = new Option<string>("--subject") { Description = "The subject id, e.g. abstract_algebra.", Required = true };
        var protocol = new Option<string>("--protocol") { Description = $"The prompt protocol: {string.Join(", ", PromptProtocols.Names)}.", Required = true };
        var shots = new Option<int?>("--shots") { Description = "Dev shots (default: the protocol's own: 5 for qwen and opencompass base prompts and opencompass chat, 0 for lm-eval and qwen chat)." };
        var index = new Option<int>("--index") { Description = "0-based question index in the scored split.", DefaultValueFactory = _ => 0 };
        var chat = new Option<bool>("--chat") { Description = "Render the chat (instruct model) form." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: prompt, continuations, split, average, scoring." };

        var command = new Command("prompt", "Print the exact prompt of one question as a protocol renders it.")
        {
            data, benchmark, subject, protocol, shots, index, chat, json,
        };
        command.SetAction(parseResult =>
        {
            var request = new PromptCommandRequest(
                parseResult.GetValue(data),
                parseResult.GetValue(benchmark)!,
                parseResult.GetValue(subject)!,
                parseResult.GetValue(protocol)!,
                parseResult.GetValue(shots),
                parseResult.GetValue(index),
                parseResult.GetValue(chat));
            var output = Run(request);
            stdout.Write(parseResult.GetValue(json)
                ? JsonSerializer.Serialize(output, PromptJsonContext.Readable.PromptJsonOutput)
                : output.Prompt);
            return QwenEvalCli.ExitOk;
        });
        return command;
    }

    /// <summary>Validates the request, reads the data and renders the question.</summary>
    /// <exception cref="EvalInputException">Unknown benchmark, subject or protocol; index out of range; too few dev rows.</exception>
    public static PromptJsonOutput Run(PromptCommandRequest request)
    {
        var selected = Select(request);
        var settings = selected.Plan.Settings;
        var rendered = selected.Prompt.Prompt;
        return new PromptJsonOutput(
            PromptJsonOutput.CurrentFormatVersion,
            selected.Plan.Protocol.Name,
            selected.Plan.Benchmark.ToId(),
            selected.Prompt.Subject.Id,
            request.Index,
            request.Chat,
            selected.Plan.EffectiveShots,
            rendered.Text,
            rendered.Continuations,
            settings.ScoresWholeSequence,
            settings.Truncation.MaxContextTokens,
            settings.ScoredSplit.ToString().ToLowerInvariant(),
            settings.Average.ToString().ToLowerInvariant(),
            settings.Scorer.ToString(),
            selected.Prompt.Question.Answer?.ToString(),
            settings.Extractor?.Name,
            rendered.Messages?.Select(m => new PromptJsonMessage(m.Role, m.Content)).ToArray())
        {
            Truncation = settings.Truncation.Id,
            Reading = settings.Reading.Id,
            Tokenization = settings.Scorer.ReadsLogLikelihoods() ? settings.Tokenization.ToId() : null,
            ChatTemplate = request.Chat ? NoModelChatTemplate : null,
            ShotDropping = ShotFitting.NeedsTokenizer(selected.Plan)
                ? string.Create(CultureInfo.InvariantCulture, $"applies with a model's tokenizer (run, tokenize --model): shots are dropped from the end while a labelled prompt has more than {settings.Truncation.DropShotsOver} tokens; without a model this prompt keeps all {selected.Plan.EffectiveShots} shots")
                : null,
        };
    }

    /// <summary>
    /// Resolves benchmark, protocol, subject, index and shots into the one-subject plan a run would make and that plan's
    /// prompt of the question (through <see cref="PlanPrompts"/>, the path <c>run</c> renders by): what <c>prompt</c> prints
    /// and <c>tokenize</c> encodes.
    /// </summary>
    /// <exception cref="EvalInputException">Unknown benchmark, subject or protocol; index out of range; shots refused or too few dev rows.</exception>
    public static SelectedPrompt Select(PromptCommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var benchmark = BenchmarkIds.Parse(request.Benchmark);
        var protocol = PromptProtocols.Get(request.Protocol);
        var dataFolder = request.DataDirectory ?? DataFolder.SampleDirectory;
        var dataset = DataFolder.Open(dataFolder, benchmark);
        var subject = dataset.Subjects.FirstOrDefault(s => s.Id == request.Subject) ?? throw new EvalInputException(
            $"unknown {benchmark.ToId()} subject '{request.Subject}' in {dataset.Root}: expected one of {string.Join(", ", dataset.Subjects.Select(s => s.Id))}.",
            field: "subject");
        if (request.Shots is < 0)
        {
            throw new EvalInputException($"--shots must be 0 or more, not {request.Shots}.", field: "shots");
        }

        var settings = protocol.Settings(benchmark, request.Chat);
        var split = settings.ScoredSplit;
        var count = dataset.CountQuestions(subject.Id, split);
        if (request.Index < 0 || request.Index >= count)
        {
            throw new EvalInputException(
                string.Create(CultureInfo.InvariantCulture, $"--index {request.Index} is out of range: the {split.ToString().ToLowerInvariant()} split of '{subject.Id}' has {count} questions (0–{count - 1})."),
                dataset.PathOf(subject.Id, split),
                field: "index");
        }

        var disallowed = settings.Disallowed(scorer: null, request.Shots);
        if (disallowed.Count > 0)
        {
            throw new EvalInputException(disallowed[0].Message, field: disallowed[0].Field);
        }

        var plan = new EvaluationPlan(benchmark, protocol, dataFolder, request.Shots, request.Chat, Limit: request.Index + 1, Subjects: [subject.Id]);
        return new SelectedPrompt(plan, PlanPrompts.OfSubject(plan, dataset, subject).Last());
    }

    /// <summary>What renders a chat prompt here: the protocol's plain ChatML, as Qwen3's template renders it; a run renders the messages with the loaded model's own template (<see cref="Evaluation.ChatPromptRendering"/>), where a Qwen2/2.5 template inserts its default system turn when the messages have none.</summary>
    public const string NoModelChatTemplate = "ChatML as Qwen3's chat template renders it (no default system turn); a run renders the messages with the loaded model's own chat_template, and Qwen2/2.5 templates insert their default system turn when there is none";
}
