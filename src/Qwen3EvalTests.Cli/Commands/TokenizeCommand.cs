using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval tokenize --model DIR (--text S | --benchmark B --subject S --protocol P [--index I] [--shots K] [--chat] [--data DIR]) [--json]</c>:
/// the token ids and pieces the model sees, the ids scored for each option, and the truncation applied. A question is
/// rendered as <c>run</c> renders it (<see cref="PromptCommand.Select"/>, through PlanPrompts) and tokenized by the
/// scorer's own step (<see cref="LogLikelihoodScorer.TokenizedRequestOf"/>, <see cref="RequestTokenizer"/>).
/// </summary>
public static class TokenizeCommand
{
    public static Command Create(TextWriter stdout)
    {
        var model = new Option<string>("--model") { Description = "The model folder whose tokenizer encodes (genai_config.json, tokenizer files).", Required = true };
        var text = new Option<string?>("--text") { Description = "Tokenize this text (no special tokens added)." };
        var benchmark = new Option<string?>("--benchmark") { Description = "Tokenize a question: mmlu, ceval or cmmlu." };
        var subject = new Option<string?>("--subject") { Description = "The subject id, e.g. abstract_algebra." };
        var protocol = new Option<string?>("--protocol") { Description = "The prompt protocol: qwen, lm-eval, opencompass or a variant." };
        var index = new Option<int?>("--index") { Description = "0-based question index in the scored split (default 0)." };
        var shots = new Option<int?>("--shots") { Description = "Dev shots (default: the protocol's own)." };
        var chat = new Option<bool>("--chat") { Description = "The chat (instruct model) form." };
        var data = new Option<string?>("--data") { Description = "The data folder (default: the shipped sample data set)." };
        var json = new Option<bool>("--json") { Description = "Print {\"tokens\",\"pieces\",\"continuations\":[{\"text\",\"tokens\"}],\"truncated\"} on one line." };

        var command = new Command("tokenize", "Print the token ids and pieces the model sees for a text or a question, the ids scored for each option, and the truncation applied.")
        {
            model, text, benchmark, subject, protocol, index, shots, chat, data, json,
        };
        command.SetAction(parseResult =>
        {
            var request = new TokenizeCommandRequest(
                parseResult.GetValue(model)!,
                parseResult.GetValue(text),
                parseResult.GetValue(benchmark),
                parseResult.GetValue(subject),
                parseResult.GetValue(protocol),
                parseResult.GetValue(index),
                parseResult.GetValue(shots),
                parseResult.GetValue(chat),
                parseResult.GetValue(data));
            RunOptionsValidator.CheckTokenize(request).ThrowIfAny("the options");
            var selected = request.Text is null
                ? PromptCommand.Select(new PromptCommandRequest(request.DataDirectory, request.Benchmark!, request.Subject!, request.Protocol!, request.Shots, request.Index ?? 0, request.Chat))
                : null;
            using var loaded = GenAiLanguageModel.Load(request.ModelFolder);
            var output = Run(loaded, request.Text, selected);
            if (parseResult.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(output, TokenizeJsonContext.Readable.TokenizeOutput));
            }
            else
            {
                WriteText(stdout, loaded, selected, output);
            }

            return QwenEvalCli.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// The ids of <paramref name="text"/>, or of <paramref name="selected"/>'s prompt as its scorer tokenizes it: for log-likelihood
    /// forms the shared context (truncated as the backend truncates it) and each option's scored ids; for generation forms the
    /// whole prompt.
    /// </summary>
    public static TokenizeOutput Run(GenAiLanguageModel model, string? text, SelectedPrompt? selected)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (selected is null)
        {
            var ids = model.Encode(text ?? throw new ArgumentException("a text or a selected prompt is needed", nameof(text)));
            return new TokenizeOutput(ids, Pieces(model, ids), [], 0);
        }

        selected = selected with { Prompt = ShotFitting.Apply(selected.Plan, selected.Prompt, model.Encode) };
        if (QuestionScorers.For(selected.Plan.Scoring) is LogLikelihoodScorer scorer)
        {
            var request = scorer.TokenizedRequestOf(model, selected.Prompt.ToScored());
            var fed = scorer.AsFed(request.Tokenized!, model.Info.ContextLength);
            return new TokenizeOutput(
                fed.Context,
                Pieces(model, fed.Context),
                [.. fed.Continuations.Select(c => new TokenizedContinuation(model.Decode(c), c))],
                fed.TruncatedTokens);
        }

        var prompt = model.Encode(selected.Prompt.Prompt.Text);
        return new TokenizeOutput(prompt, Pieces(model, prompt), [], 0);
    }

    private static string[] Pieces(GenAiLanguageModel model, IReadOnlyList<int> ids) => [.. ids.Select(id => model.Decode([id]))];

    private static void WriteText(TextWriter stdout, GenAiLanguageModel model, SelectedPrompt? selected, TokenizeOutput output)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"model          {model.Info.Folder}");
        if (selected is { Plan: var plan, Prompt: var prompt })
        {
            var settings = plan.Settings;
            stdout.WriteLine(string.Create(c, $"question       {plan.Benchmark.ToId()}/{prompt.Subject.Id} #{prompt.Question.Index} · {plan.Protocol.Name} · {plan.EffectiveShots}-shot · {settings.Form}"));
            stdout.WriteLine($"scoring        {plan.Scoring.Scorer.ToId()}");
            if (plan.Scoring.Scorer.ReadsLogLikelihoods())
            {
                stdout.WriteLine($"tokenization   {plan.Scoring.Tokenization.ToId()}");
            }

            stdout.WriteLine(string.Create(c, $"truncation     {plan.Scoring.Truncation.Id}: {output.Truncated} of {output.Tokens.Count + output.Truncated} context tokens dropped"));
        }

        stdout.WriteLine(string.Create(c, $"tokens         {output.Tokens.Count}"));
        for (var i = 0; i < output.Tokens.Count; i++)
        {
            stdout.WriteLine(string.Create(c, $"  {i,6}  {output.Tokens[i],7}  {Visible(output.Pieces[i])}"));
        }

        if (output.Continuations.Count > 0)
        {
            stdout.WriteLine("continuations  (scored after the tokens above)");
            for (var i = 0; i < output.Continuations.Count; i++)
            {
                var letter = i < OptionLetters.Max ? OptionLetters.For(OptionLetters.Max)[i].ToString() : i.ToString(c);
                var continuation = output.Continuations[i];
                stdout.WriteLine($"  {letter}  {Visible(continuation.Text),-10}  [{string.Join(", ", continuation.Tokens)}]");
            }
        }
    }

    /// <summary>A piece in quotes with its line ends, tabs and spaces made visible.</summary>
    private static string Visible(string piece) =>
        "'" + piece.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "'";
}
