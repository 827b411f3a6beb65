using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Prompts.OpenCompass;
using Qwen3EvalTests.Prompts.Qwen;
using Qwen3EvalTests.Provenance;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Tests.Benchmarks;

namespace Qwen3EvalTests.Tests.Evaluation;

public sealed class BenchmarkEvaluatorTests : IDisposable
{
    private readonly TempDataFolder _data = new();
    private readonly string _out = Directory.CreateTempSubdirectory("qwen3eval-evaluator-").FullName;

    public BenchmarkEvaluatorTests()
    {
        foreach (var (subject, count) in new[] { ("abstract_algebra", 4), ("global_facts", 3) })
        {
            _data.Write($"mmlu/dev/{subject}_dev.csv", string.Concat(Enumerable.Range(0, 5).Select(i => $"dev question {i},a,b,c,d,A\n")));
            _data.Write($"mmlu/test/{subject}_test.csv", string.Concat(Enumerable.Range(0, count).Select(i => $"test question {i},a,b,c,d,{"ABCD"[i % 4]}\n")));
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    private sealed class Recorder : IProgress<EvaluationProgress>
    {
        public List<EvaluationProgress> Reports { get; } = [];

        public void Report(EvaluationProgress value) => Reports.Add(value);
    }

    [Fact]
    public void ReportsProgressWithTheTotalQuestionCountAfterTheLimit()
    {
        using var model = new FakeLanguageModel((_, c) => c.Trim() == "A" ? -1 : -2);
        var recorder = new Recorder();

        new BenchmarkEvaluator(model).Run(new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Limit: 3), Path.Combine(_out, "a.json"), recorder, TestContext.Current.CancellationToken);

        recorder.Reports.Should().NotBeEmpty().And.OnlyContain(r => r.QuestionsTotal == 6);
        recorder.Reports[^1].QuestionsDone.Should().Be(6);
    }

    [Fact]
    public void RecordsTheIdentityChoiceRuleAndTemplatesInTheHeader()
    {
        using var model = new FakeLanguageModel((_, c) => c.Trim() == "A" ? -1 : -2);
        var evaluator = new BenchmarkEvaluator(model);
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Limit: 2);

        var first = evaluator.Run(plan, Path.Combine(_out, "a.json"), cancellationToken: TestContext.Current.CancellationToken);
        var again = evaluator.Run(plan, Path.Combine(_out, "b.json"), cancellationToken: TestContext.Current.CancellationToken);
        var noSpace = evaluator.Run(plan with { Protocol = new QwenProtocol(QwenTemplates.Default with { MmluAnswerSeparator = "" }) }, Path.Combine(_out, "c.json"), cancellationToken: TestContext.Current.CancellationToken);

        var header = ResultsFile.Read(first.ResultsFile).Run;
        header.Identity.Should().Be(RunIdentity.Of(header.Settings, header.Environment));
        header.Settings.ChoiceRule.Should().Be("LogLikelihood");
        header.Settings.Generation.Should().BeNull("log-likelihood scoring generates nothing");
        header.Settings.Extractor.Should().BeNull("log-likelihood scoring extracts no letter");
        again.Header.Identity.Should().Be(first.Header.Identity);
        noSpace.Header.Identity.Should().NotBe(first.Header.Identity, "a template variant can change the score");
    }

    [Fact]
    public void RecordsGenerationSettingsAndSeedForGenerationScoring()
    {
        using var model = new FakeLanguageModel((_, _) => 0, _ => "A");
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Chat: true, Limit: 1, AllowKindMismatch: true,
            Generation: new GenerationSettings(16, ["<|im_end|>"], Temperature: 0.7, Seed: 42), Repeat: 2);

        var run = new BenchmarkEvaluator(model).Run(plan, Path.Combine(_out, "g.json"), cancellationToken: TestContext.Current.CancellationToken);

        run.Header.Settings.Generation.Should().BeEquivalentTo(new RunGeneration(16, 0.7, 42, ["<|im_end|>"]));
        run.Header.Settings.ChoiceRule.Should().BeNull();
        run.Header.Settings.Repeat.Should().Be(2);
    }

    [Fact]
    public void ReturnsEveryAnswerAsDataAndScoresTheShareTheModelGotRight()
    {
        // The fake always prefers " A"; the data's answers cycle A, B, C, D per subject: 4 + 3 questions, A twice.
        using var model = new FakeLanguageModel((_, c) => c == " A" ? -1 : -2);

        var run = new BenchmarkEvaluator(model).Run(new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root), Path.Combine(_out, "all.json"), cancellationToken: TestContext.Current.CancellationToken);

        run.Outcomes.Should().HaveCount(7).And.OnlyContain(o => o.Predicted == 'A');
        run.Summary.Correct.Should().Be(2);
        run.Summary.Accuracy.Should().BeApproximately(2.0 / 7, 1e-12, "qwen averages MMLU micro");
        run.Answers().Should().Equal(ResultsFile.Read(run.ResultsFile).Answers(), "the results file is a sink of the same answers");
    }

    [Theory]
    [InlineData("qwen")]
    [InlineData("lm-eval")]
    [InlineData("opencompass")]
    public void AModelThatPreparesConcurrentlyIsTokenizedAheadOnAnotherThreadWithTheSameRun(string protocol)
    {
        using var alone = new FakeLanguageModel((context, c) => -(context.Length % 7) - c.Length);
        using var ahead = new FakeLanguageModel((context, c) => -(context.Length % 7) - c.Length) { PreparesConcurrently = true };
        var plan = new EvaluationPlan(Benchmark.Mmlu, PromptProtocols.Get(protocol), _data.Root);

        var expected = new BenchmarkEvaluator(alone) { ChunkSize = 2 }.Run(plan, Path.Combine(_out, "alone.json"), cancellationToken: TestContext.Current.CancellationToken);
        var actual = new BenchmarkEvaluator(ahead) { ChunkSize = 2 }.Run(plan, Path.Combine(_out, "ahead.json"), cancellationToken: TestContext.Current.CancellationToken);

        actual.Outcomes.Should().BeEquivalentTo(expected.Outcomes, o => o.WithStrictOrdering());
        ahead.Requests.Should().BeEquivalentTo(alone.Requests, o => o.WithStrictOrdering());
        ahead.EncodeThreads.Should().NotIntersectWith(ahead.ScoreThreads, "the questions were tokenized beside the scoring");
        alone.EncodeThreads.Should().Equal(alone.ScoreThreads, "a model that does not allow it is tokenized on the scoring thread");
    }

    [Theory]
    [InlineData("qwen")]
    [InlineData("lm-eval")]
    public void ABrokenRowReadAheadFailsWhereReadingAloneFailsAfterTheSameQuestions(string protocol)
    {
        _data.Write("mmlu/test/global_facts_test.csv", "test question 0,a,b,c,d,A\ntest question 1,a,b,c,d,A\ntest question 2,a,b,c\n");
        using var alone = new FakeLanguageModel((_, c) => c == " A" ? -1 : -2);
        using var ahead = new FakeLanguageModel((_, c) => c == " A" ? -1 : -2) { PreparesConcurrently = true };
        var plan = new EvaluationPlan(Benchmark.Mmlu, PromptProtocols.Get(protocol), _data.Root);

        var failures = new[] { alone, ahead }.Select(model => FluentActions
            .Invoking(() => new BenchmarkEvaluator(model) { ChunkSize = 1 }.Run(plan, Path.Combine(_out, "broken.json"), cancellationToken: TestContext.Current.CancellationToken))
            .Should().Throw<EvalInputException>().Which).ToList();

        failures.Should().OnlyContain(e => e.Line == 3 && e.File!.EndsWith("global_facts_test.csv", StringComparison.Ordinal));
        ahead.ScoredRequests.Should().Be(alone.ScoredRequests).And.BeGreaterThanOrEqualTo(4, "abstract_algebra's questions come before the broken file");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ATokenizerFaultWhilePreparingNamesItsChunksQuestionsOnEitherThread(bool preparesConcurrently)
    {
        using var model = new FakeLanguageModel((_, c) => c == " A" ? -1 : -2) { PreparesConcurrently = preparesConcurrently, FailsToEncode = "test question 2" };

        var running = () => new BenchmarkEvaluator(model) { ChunkSize = 2 }.Run(new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root), Path.Combine(_out, "fault.json"), cancellationToken: TestContext.Current.CancellationToken);

        running.Should().Throw<EngineFaultException>().Which.Question.Should().Be("mmlu/abstract_algebra questions 2–3 (one chunk)");
        model.ScoredRequests.Should().Be(2, "the chunk before the fault was scored");
    }

    [Fact]
    public void SendsQwenNextTokenRequestsTruncatedAsTheProtocolSaysAndRecordsTheRule()
    {
        using var model = new FakeLanguageModel((_, c) => c == " A" ? -1 : -2);

        var run = new BenchmarkEvaluator(model).Run(new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Limit: 1), Path.Combine(_out, "q.json"), cancellationToken: TestContext.Current.CancellationToken);

        model.Requests.Should().HaveCount(2).And.OnlyContain(r =>
            r.NextTokenOnly && r.MaxContextTokens == 2047 && !r.IncludeContextLogProb
            && r.Continuations.SequenceEqual(new[] { " A", " B", " C", " D" }) && r.Context.EndsWith("Answer:", StringComparison.Ordinal));
        model.Requests[0].Context.Should().StartWith("The following are multiple choice questions (with answers) about abstract algebra.\n\nQuestion: dev question 0");
        var settings = ResultsFile.Read(run.ResultsFile).Run.Settings;
        settings.Scoring.Should().Be("next-token");
        settings.MaxContextTokens.Should().Be(2047, "evaluate_mmlu.py keeps the last 2047 tokens of a longer prompt");
        settings.Truncation.Should().Be("left:2047-if-over:2048");
        settings.Shots.Should().Be(5);
    }

    [Fact]
    public void AChoiceRuleOverrideScoresWholeContinuationsAndSaysSo()
    {
        using var model = new FakeLanguageModel((_, c) => c == " A" ? -1 : -2);
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Limit: 1, ChoiceRule: ChoiceRule.TokenNormalised);

        var run = new BenchmarkEvaluator(model).Run(plan, Path.Combine(_out, "n.json"), cancellationToken: TestContext.Current.CancellationToken);

        model.Requests.Should().OnlyContain(r => !r.NextTokenOnly, "a length-normalised rule needs every continuation token");
        run.Header.Settings.Scoring.Should().Be("loglikelihood");
        run.Header.Settings.ChoiceRule.Should().Be("TokenNormalised");
    }

    /// <summary>
    /// The fake encodes one character per id, so the ids of option A are the characters its tokenization scores: qwen the
    /// last id of " A" ('A'), lm-eval " A" after "Answer:" (nothing to move), OpenCompass the tail of "…Answer: A" that
    /// the four sequences do not share ('A').
    /// </summary>
    [Theory]
    [InlineData("qwen", "separate", new[] { 'A' })]
    [InlineData("lm-eval", "lm-eval-encode-pair", new[] { ' ', 'A' })]
    [InlineData("opencompass", "whole-sequence", new[] { 'A' })]
    public void RequestsCarryTheProtocolsTokenizationAndTheResultsRecordItWithTheScoredIds(string protocol, string tokenization, char[] optionA)
    {
        using var model = new FakeLanguageModel((_, c) => c.EndsWith('A') ? -1 : -2);

        var run = new BenchmarkEvaluator(model).Run(new EvaluationPlan(Benchmark.Mmlu, PromptProtocols.Get(protocol), _data.Root, Shots: 5, Limit: 1), Path.Combine(_out, protocol + ".json"), cancellationToken: TestContext.Current.CancellationToken);

        model.Requests.Should().OnlyContain(r => r.Tokenization.ToId() == tokenization && r.Tokenized != null);
        var file = ResultsFile.Read(run.ResultsFile);
        file.Run.Settings.Tokenization.Should().Be(tokenization);
        file.Questions.Should().OnlyContain(q => q.ContinuationTokens != null && q.ContinuationTokens.Count == 4);
        file.Questions[0].ContinuationTokens![0].Should().Equal(optionA.Select(c => (int)c));
        run.Header.Identity.Should().NotBe(
            RunIdentity.Of(run.Header.Settings with { Tokenization = "separate-x" }, run.Header.Environment),
            "the tokenization is part of the run identity");
    }

    [Fact]
    public void OpenCompassAsksForTheContextLogProbabilityAndRecordsPerplexity()
    {
        using var model = new FakeLanguageModel((_, c) => c == "A" ? -1 : -2);

        var run = new BenchmarkEvaluator(model).Run(new EvaluationPlan(Benchmark.Mmlu, new OpenCompassProtocol(), _data.Root, Limit: 1), Path.Combine(_out, "o.json"), cancellationToken: TestContext.Current.CancellationToken);

        model.Requests.Should().OnlyContain(r => r.IncludeContextLogProb && !r.NextTokenOnly && r.MaxContextTokens == null);
        run.Header.Settings.Scoring.Should().Be("perplexity");
        run.Header.Settings.Truncation.Should().Be("opencompass-hf-left:model-context", "the Qwen base configs set no max_seq_len: no shot dropping, each sequence cut at the model's length");
        run.Header.Settings.Average.Should().Be("macro");
    }

    [Fact]
    public void OpenCompassWithAMaxSeqLenDropsShotsCountedByTheModelsTokenizerAndRecordsTheRule()
    {
        // The fake tokenizer is one id per character; the budget leaves room for two of the five dev rows.
        using var model = new FakeLanguageModel((_, _) => -1);
        var unlimited = new EvaluationPlan(Benchmark.Mmlu, new OpenCompassProtocol(), _data.Root, Limit: 1, Subjects: ["abstract_algebra"]);
        var twoShots = new EvaluationPlan(Benchmark.Mmlu, new OpenCompassProtocol(), _data.Root, Shots: 2, Limit: 1, Subjects: ["abstract_algebra"]);
        var expected = PlanPrompts.Of(twoShots).Single().Prompt;
        var budget = expected.Text.Length + expected.Continuations.Max(c => c.Length);
        var plan = new EvaluationPlan(Benchmark.Mmlu, new OpenCompassProtocol(maxSeqLen: budget), _data.Root, Limit: 1, Subjects: ["abstract_algebra"]);

        var run = new BenchmarkEvaluator(model).Run(plan, Path.Combine(_out, "oc.json"), cancellationToken: TestContext.Current.CancellationToken);

        var sent = model.Requests.Single();
        sent.Context.Should().Be(expected.Text, "five shots are over the budget, so the last three go (icl_ppl_inferencer.py L115-120)");
        sent.Continuations.Should().Equal(expected.Continuations);
        PlanPrompts.Of(plan).Single().Prompt.Text.Should().Be(PlanPrompts.Of(unlimited).Single().Prompt.Text, "without a tokenizer the prompt keeps every shot");
        run.Header.Settings.Truncation.Should().Be(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"opencompass-drop-shots:{budget}+opencompass-hf-left:{budget}"));
    }

    [Fact]
    public void QwenChatWithShotsIsRefusedBeforeAnyQuestionRuns()
    {
        using var model = new FakeLanguageModel((_, _) => 0, _ => "A", ModelKind.Instruct);
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Shots: 5, Chat: true);

        var act = () => new BenchmarkEvaluator(model).Run(plan, Path.Combine(_out, "chat.json"), cancellationToken: TestContext.Current.CancellationToken);

        act.Should().Throw<EvalInputException>().Which.Message.Should().Contain("protocol qwen takes no shots in the chat form").And.Contain("drop the shots");
        model.Generations.Should().Be(0);
        File.Exists(Path.Combine(_out, "chat.json")).Should().BeFalse();
    }

    [Fact]
    public void QwenChatRecordsZeroShotsWhenNoneAreAsked()
    {
        using var model = new FakeLanguageModel((_, _) => 0, _ => "A", ModelKind.Instruct);

        var run = new BenchmarkEvaluator(model).Run(new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Chat: true, Limit: 1), Path.Combine(_out, "chat0.json"), cancellationToken: TestContext.Current.CancellationToken);

        run.Header.Settings.Shots.Should().Be(0);
        run.Header.Settings.Scoring.Should().Be("generation");
        run.Header.ModelKindSource.Should().Be("default");
        ResultsFile.Read(run.ResultsFile).Run.Settings.Extractor.Should().Be("qwen-chat-mmlu+thefuzz-0.22.1-wratio", "a run says which fuzzy scorer its extraction falls back to");
    }

    [Fact]
    public void ChatPromptsGoThroughTheModelsOwnTemplateAndTheRunSaysSo()
    {
        // A template that, like Qwen2.5's, puts in a default system turn when the messages have none.
        const string DefaultSystem = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n";
        static string Template(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt) =>
            (messages[0].Role == "system" ? "" : DefaultSystem)
            + string.Concat(messages.Select(m => $"<|im_start|>{m.Role}\n{m.Content}<|im_end|>\n"))
            + (addGenerationPrompt ? "<|im_start|>assistant\n" : "");
        var seen = new List<string>();
        using var model = new FakeLanguageModel((_, _) => 0, prompt => { seen.Add(prompt); return "A"; }, ModelKind.Instruct, Template);
        var plan = new EvaluationPlan(Benchmark.Mmlu, new OpenCompassProtocol(), _data.Root, Chat: true, Limit: 1, Shots: 0);
        var messages = PlanPrompts.Of(plan).First().Prompt.Messages!;

        var run = new BenchmarkEvaluator(model).Run(plan, Path.Combine(_out, "template.json"), cancellationToken: TestContext.Current.CancellationToken);

        messages[0].Role.Should().Be("user", "OpenCompass sends no system turn");
        seen[0].Should().Be(Template(messages, addGenerationPrompt: true)).And.StartWith(DefaultSystem);
        run.Header.Settings.ChatTemplate.Should().Be(ChatPromptRendering.ModelTemplate);
    }

    [Fact]
    public void NonThinkingModeReachesTheModelsTemplateAsItsEnableThinkingArgument()
    {
        var seen = new List<string>();
        using var model = new FakeLanguageModel((_, _) => 0, prompt => { seen.Add(prompt); return "A"; }, ModelKind.Instruct);
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Chat: true, ChatOptions: new ChatOptions(EnableThinking: false), Limit: 1);

        new BenchmarkEvaluator(model).Run(plan, Path.Combine(_out, "nothink.json"), cancellationToken: TestContext.Current.CancellationToken);

        // Qwen3's template (this fake's default) with enable_thinking=false ends the generation prompt with "<think>\n\n</think>\n\n".
        seen[0].Should().EndWith("<|im_start|>assistant\n<think>\n\n</think>\n\n");
        seen[0].Should().Be(PlanPrompts.Of(plan).First().Prompt.Text, "this fake's template is plain ChatML, which the harness renders alike");
    }

    [Fact]
    public void BasePromptsAndModelsWithoutATemplateKeepTheProtocolsText()
    {
        var seen = new List<string>();
        using var noTemplate = new FakeLanguageModel((_, _) => 0, prompt => { seen.Add(prompt); return "A"; }, ModelKind.Base);
        var chat = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Chat: true, Limit: 1, AllowKindMismatch: true);

        var run = new BenchmarkEvaluator(noTemplate).Run(chat, Path.Combine(_out, "notemplate.json"), cancellationToken: TestContext.Current.CancellationToken);

        seen[0].Should().Be(PlanPrompts.Of(chat).First().Prompt.Text);
        run.Header.Settings.ChatTemplate.Should().Be(ChatPromptRendering.HarnessChatMl);
        ChatPromptRendering.RendererOf(chat with { Chat = false }, noTemplate.Info).Should().BeNull("base prompts are not chat-rendered");
    }
}
