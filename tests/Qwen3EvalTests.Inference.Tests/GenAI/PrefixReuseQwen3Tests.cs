using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>
/// GenAI encodes a subject's few-shot prefix once (<see cref="PrefixReusingEncoder"/>); on the real Qwen3 tokenizer every
/// text a run encodes — each protocol's contexts, whole sequences and continuations, base and chat, every shipped sample
/// question — must get exactly the ids the tokenizer gives the whole text, and the reuse must actually happen.
/// </summary>
public sealed class PrefixReuseQwen3Tests : IDisposable
{
    private readonly GenAiLanguageModel model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec));

    public void Dispose() => model.Dispose();

    [Theory]
    [InlineData("qwen", false)]
    [InlineData("lm-eval", false)]
    [InlineData("lm-eval", true)]
    [InlineData("opencompass", false)]
    public void EveryTextOfTheSampleGetsTheIdsOfItsWholeEncoding(string protocol, bool chat)
    {
        var texts = 0;
        var longTexts = 0;
        var subjects = 0;
        foreach (var benchmark in new[] { Benchmark.Mmlu, Benchmark.Ceval, Benchmark.Cmmlu })
        {
            var dataset = DataFolder.Open(DataFolder.SampleDirectory, benchmark);
            var plan = new EvaluationPlan(benchmark, PromptProtocols.Get(protocol), DataFolder.SampleDirectory, Shots: 5, Chat: chat);
            var scorer = (LogLikelihoodScorer)QuestionScorers.For(plan.Scoring);
            foreach (var subject in dataset.Subjects)
            {
                subjects++;
                foreach (var prompt in PlanPrompts.OfSubject(plan, dataset, subject))
                {
                    foreach (var text in RequestTokenizer.Texts(scorer.RequestOf(prompt.ToScored())))
                    {
                        model.Encode(text).Should().Equal(model.EncodeWhole(text), $"{protocol} {benchmark} {subject.Id} question {prompt.Question.Index}: {Shown(text)}");
                        texts++;
                        longTexts += text.Length > PrefixReusingEncoder.ShortTextChars ? 1 : 0;
                    }
                }
            }
        }

        texts.Should().BeGreaterThan(1_000);
        // Per subject a few long texts are encoded whole: before its few-shot prefix is kept (two questions' contexts, or the
        // first option sequences of two questions), and once for each class of character (letter, number, other) that first
        // follows the prefix. Every later one reuses it.
        model.PrefixReusedEncodings.Should().BeGreaterThanOrEqualTo(longTexts - 6 * subjects);
    }

    private static string Shown(string text) => text.Length <= 80 ? text : "…" + text[^80..];
}
