using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class PlantedAnswerTests
{
    private const string Question = "Which planet is largest?\nA. Mars\nB. Jupiter\nC. Venus\nD. Earth\n";

    /// <summary>Every letter on the byte model; two on the real-tokenizer model (each load parses an 11 MB tokenizer).</summary>
    public static TheoryData<string, char> Cases() => new()
    {
        { "bytes", 'A' },
        { "bytes", 'B' },
        { "bytes", 'C' },
        { "bytes", 'D' },
        { "qwen3", 'B' },
        { "qwen3", 'D' },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlantedModelPicksItsLetterInEveryProtocol(string tokenizer, char letter)
    {
        var spec = tokenizer == "bytes" ? TinyModelFixture.PlantedBytesSpec(letter) : TinyModelFixture.PlantedQwen3Spec(letter);
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(spec));

        foreach (var context in new[] { Question + "Answer:", Question + "答案：" })
        {
            foreach (var choices in new[] { new[] { " A", " B", " C", " D" }, ["A", "B", "C", "D"] })
            {
                var result = model.Score([new LogLikelihoodRequest(context, choices)], TestContext.Current.CancellationToken)[0];
                var best = result.Continuations.Select((score, index) => (score.LogProb, index)).Max().index;
                choices[best].Trim().Should().Be(letter.ToString(), $"context '{context[^8..]}', choices '{choices[0]}'");
                result.Continuations[best].LogProb.Should().BeGreaterThan(result.Continuations.Where((_, i) => i != best).Max(s => s.LogProb) + 10);
            }

            var perplexity = model.Score(new[] { "A", "B", "C", "D" }.Select(l => new LogLikelihoodRequest(context + " " + l, [], IncludeContextLogProb: true)).ToList(), TestContext.Current.CancellationToken);
            var bestSequence = perplexity.Select((r, i) => (r.ContextLogProb!.Value, i)).Max().i;
            ((char)('A' + bestSequence)).Should().Be(letter);

            model.Generate(context, new GenerationSettings(MaxNewTokens: 3), TestContext.Current.CancellationToken).TrimStart().Should().StartWith(letter.ToString());
        }
    }
}
