using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Prompts.OpenCompass;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Tests.Prompts.OpenCompass;

/// <summary>
/// OpenCompass's shot dropping, open-compass/opencompass 26d077b0 openicl/icl_inferencer/icl_ppl_inferencer.py L93-120:
/// <code>
/// for label in labels:                                     # A, B, C, D
///     for idx in range(len(ice_idx_list)):
///         prompt = retriever.generate_label_prompt(idx, ice[idx], label, ...)
///         prompt_token_num = self.model.get_token_len_from_template(prompt, mode='ppl')
///         if self.max_seq_len is not None:
///             while len(ice_idx_list[idx]) > 0 and prompt_token_num > self.max_seq_len:
///                 ice_idx_list[idx] = ice_idx_list[idx][:-1]     # the last shot goes; the list is kept for the next label
///                 ... prompt and prompt_token_num again
/// </code>
/// The expected sequences are the protocol's plain renders with the first k shots, k worked out from the loop by hand for a
/// tokenizer that counts one token per character (the lengths are read from those plain renders).
/// </summary>
public class OpenCompassShotDroppingTests
{
    private static readonly OpenCompassProtocol Protocol = new();

    private static readonly Question Query = PromptFixtures.Query(Benchmark.Mmlu);

    private static readonly IReadOnlyList<Question> Shots = PromptFixtures.Dev(Benchmark.Mmlu, 5);

    [Fact]
    public void APromptThatFitsExactlyKeepsEveryShot()
    {
        var budget = Length(shots: 5, 'A');

        Sequences(Fitted(budget, Chars)).Should().Equal(Expected(5, 5, 5, 5));
    }

    [Fact]
    public void APromptOneTokenOverDropsTheLastShot()
    {
        var budget = Length(shots: 5, 'A') - 1;

        Sequences(Fitted(budget, Chars)).Should().Equal(Expected(4, 4, 4, 4));
    }

    [Fact]
    public void APromptOverByMoreThanOneShotDropsTwo()
    {
        var budget = Length(shots: 4, 'A') - 1;

        Sequences(Fitted(budget, Chars)).Should().Equal(Expected(3, 3, 3, 3));
    }

    [Fact]
    public void APromptTooLongEvenWithoutShotsDropsThemAllAndIsSentAsItIs()
    {
        Sequences(Fitted(10, Chars)).Should().Equal(Expected(0, 0, 0, 0), "the loop stops when no shot is left; the model's own truncation cuts the rest");
    }

    [Fact]
    public void ALaterLabelStartsFromTheShotsAnEarlierLabelKept()
    {
        // Label A counts 40 tokens more: it needs k with len(k) + 40 <= len(5). B, C and D would fit with 5 but start from A's k.
        var budget = Length(shots: 5, 'A');
        var kA = Enumerable.Range(0, 6).Reverse().First(k => k == 0 || Length(k, 'A') + 40 <= budget);

        var fitted = Fitted(budget, text => text.Length + (text.EndsWith("Answer: A", StringComparison.Ordinal) ? 40 : 0));

        kA.Should().BeLessThan(5);
        Sequences(fitted).Should().Equal(Expected(kA, kA, kA, kA));
    }

    [Fact]
    public void OnlyTheLabelThatIsTooLongAndTheOnesAfterItLoseShots()
    {
        // Label C counts 40 more: A and B keep 5, C and D the k that fits C.
        var budget = Length(shots: 5, 'A');
        var kC = Enumerable.Range(0, 6).Reverse().First(k => k == 0 || Length(k, 'C') + 40 <= budget);

        var fitted = Fitted(budget, text => text.Length + (text.EndsWith("Answer: C", StringComparison.Ordinal) ? 40 : 0));

        Sequences(fitted).Should().Equal(Expected(5, 5, kC, kC));
    }

    [Fact]
    public void TheMaxSeqLenVariantRecordsBothRulesAndTheDefaultOnlyTheModelsLimit()
    {
        var variant = new OpenCompassProtocol(maxSeqLen: 2048);

        variant.Name.Should().Be("opencompass@max-seq-len-2048");
        PromptProtocols.Get("opencompass@max-seq-len-2048").Name.Should().Be(variant.Name);
        variant.Settings(Benchmark.Cmmlu, chat: false).Truncation.Id.Should().Be("opencompass-drop-shots:2048+opencompass-hf-left:2048");
        Protocol.Settings(Benchmark.Mmlu, chat: false).Truncation.Id.Should().Be("opencompass-hf-left:model-context", "the Qwen base configs set no max_seq_len: tasks/openicl_infer.py L118 passes None");
        Protocol.Settings(Benchmark.Mmlu, chat: true).Truncation.Should().Be(ContextTruncation.None);
    }

    [Fact]
    public void TheMaxSeqLenVariantsChatFormIsRefusedWithShotsBecauseGenInferencersDroppingIsNotReproduced()
    {
        var chat = new OpenCompassProtocol(maxSeqLen: 2048).Settings(Benchmark.Mmlu, chat: true);

        chat.Disallowed(scorer: null, shots: null).Should().ContainSingle().Which.Message.Should().Contain("GenInferencer").And.Contain("--shots 0");
        chat.Disallowed(scorer: null, shots: 0).Should().BeEmpty("a 0-shot prompt has nothing to drop");
        Protocol.Settings(Benchmark.Mmlu, chat: true).Disallowed(scorer: null, shots: null).Should().BeEmpty("max_seq_len unset: GenInferencer drops nothing");
        new OpenCompassProtocol(maxSeqLen: 2048).Settings(Benchmark.Mmlu, chat: false).Disallowed(scorer: null, shots: null).Should().BeEmpty();
    }

    private static int Chars(string text) => text.Length;

    private static RenderedPrompt Fitted(int budget, Func<string, int> count) =>
        Protocol.RenderFitted(new PromptRequest(Query, PromptFixtures.Subject(Benchmark.Mmlu), Shots), budget, count);

    private static string Plain(int shots, char label)
    {
        var rendered = Protocol.Render(new PromptRequest(Query, PromptFixtures.Subject(Benchmark.Mmlu), [.. Shots.Take(shots)]));
        return rendered.Text + rendered.Continuations[label - 'A'];
    }

    private static int Length(int shots, char label) => Plain(shots, label).Length;

    private static string[] Expected(int a, int b, int c, int d) => [Plain(a, 'A'), Plain(b, 'B'), Plain(c, 'C'), Plain(d, 'D')];

    private static string[] Sequences(RenderedPrompt prompt) => [.. prompt.Continuations.Select(c => prompt.Text + c)];
}
