using System.Text.RegularExpressions;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Models;

/// <summary>
/// The prefix-reusing encoder against the tokenizer it wraps: every text's ids must be the tokenizer's ids for the whole
/// text, whatever the tokenizer does at the cut; reuse happens only where the tokenizer agrees.
/// </summary>
public sealed partial class PrefixReusingEncoderTests
{
    // The pre-tokenizer pattern of Qwen2/2.5/3's tokenizer.json (its "Split" pre-tokenizer), as .NET reads it.
    [GeneratedRegex(@"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+")]
    private static partial Regex QwenPreTokens();

    private static readonly string Header = "The following are multiple choice questions (with answers) about anatomy.\n\n"
        + string.Concat(Enumerable.Range(1, 5).Select(i => $"Question: shot {i} asks something long enough to matter?\nA. one\nB. two\nC. three\nD. four\nAnswer: B\n\n"));

    private static readonly string[] Questions =
    [
        Header + "Question: Which bone is longest?\nA. femur\nB. tibia\nC. ulna\nD. radius\nAnswer:",
        Header + "Question: What is 2 + 2?\nA. 3\nB. 4\nC. 5\nD. 6\nAnswer:",
        Header + "Question: Name the largest organ.\nA. skin\nB. liver\nC. lung\nD. heart\nAnswer:",
        Header + "Question: 3 + 3?\nA. 6\nB. 7\nC. 8\nD. 9\nAnswer:",
    ];

    /// <summary>A pre-tokenizing tokenizer: Qwen's pattern, then one id per pre-token, derived from its text (as in BPE, ids never span pre-tokens).</summary>
    private sealed class PreTokenizing
    {
        public int Calls { get; private set; }

        public List<string> Encoded { get; } = [];

        public IReadOnlyList<int> Encode(string text)
        {
            Calls++;
            Encoded.Add(text);
            return [.. QwenPreTokens().Matches(text).Select(m => StringComparer.Ordinal.GetHashCode(m.Value))];
        }
    }

    [Fact]
    public void EveryTextGetsTheIdsOfItsWholeEncodingAndTheSharedPrefixIsEncodedOnce()
    {
        var tokenizer = new PreTokenizing();
        var reference = new PreTokenizing();
        var encoder = new PrefixReusingEncoder(tokenizer.Encode);

        foreach (var text in Questions.Concat(Questions))
        {
            encoder.Encode(text).Should().Equal(reference.Encode(text));
        }

        encoder.ReusedEncodings.Should().Be(6, "the first question has no prefix yet and the second verifies it; the other six reuse it");
        tokenizer.Encoded.Count(t => t.StartsWith(Header, StringComparison.Ordinal) && t.Length > Header.Length).Should().Be(2, "only the first two questions are encoded whole");
    }

    [Fact]
    public void TheCutIsRightAfterALineFeedThatANonSpaceFollows()
    {
        var tokenizer = new PreTokenizing();
        var encoder = new PrefixReusingEncoder(tokenizer.Encode);

        encoder.Encode(Questions[0]);
        encoder.Encode(Questions[1]);
        encoder.Encode(Questions[2]);

        tokenizer.Encoded[^1].Should().StartWith("Question: Name", "the remainder after the header, whose last line feed the Q follows");
    }

    [Fact]
    public void AWhiteSpaceAfterThePrefixIsEncodedWhole()
    {
        var tokenizer = new PreTokenizing();
        var reference = new PreTokenizing();
        var encoder = new PrefixReusingEncoder(tokenizer.Encode);
        encoder.Encode(Questions[0]);
        encoder.Encode(Questions[1]);
        var spaced = Header + " Question: leading space?\nAnswer:";

        encoder.Encode(spaced).Should().Equal(reference.Encode(spaced));

        tokenizer.Encoded[^1].Should().Be(spaced);
    }

    [Fact]
    public void EachClassOfCharacterAfterThePrefixIsCheckedOnTheTokenizerOnce()
    {
        var tokenizer = new PreTokenizing();
        var reference = new PreTokenizing();
        var encoder = new PrefixReusingEncoder(tokenizer.Encode);
        encoder.Encode(Questions[0]);
        encoder.Encode(Questions[1]);
        string[] digitsFirst = [Header + "42 is the answer to which question?\nAnswer:", Header + "7 wonders?\nAnswer:"];
        string[] otherFirst = [Header + "(a) or (b)?\nAnswer:", Header + "\"Quoted\" question?\nAnswer:"];

        foreach (var text in digitsFirst.Concat(otherFirst))
        {
            encoder.Encode(text).Should().Equal(reference.Encode(text));
        }

        tokenizer.Encoded.Should().Contain([digitsFirst[0], otherFirst[0]], "the first text of each new class is encoded whole to check the cut");
        tokenizer.Encoded.Should().NotContain([digitsFirst[1], otherFirst[1]], "later texts of a checked class reuse the prefix");
        encoder.ReusedEncodings.Should().Be(2);
    }

    [Fact]
    public void ATokenizerThatMergesAcrossTheCutIsNeverSplit()
    {
        // Encodes "\nQ" as one id: the cut before "Q" is no boundary for it.
        static IReadOnlyList<int> Merging(string text)
        {
            var ids = new List<int>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == 'Q')
                {
                    ids.Add(1_000_000);
                    i++;
                }
                else
                {
                    ids.Add(text[i]);
                }
            }

            return ids;
        }

        var encoder = new PrefixReusingEncoder(Merging);

        foreach (var text in Questions.Concat(Questions))
        {
            encoder.Encode(text).Should().Equal(Merging(text));
        }

        encoder.ReusedEncodings.Should().Be(0);
    }

    [Fact]
    public void ATokenizerThatStartsEveryEncodingWithBosIsNeverSplit()
    {
        var inner = new PreTokenizing();
        IReadOnlyList<int> WithBos(string text) => [1, .. inner.Encode(text)];
        var encoder = new PrefixReusingEncoder(WithBos);

        foreach (var text in Questions)
        {
            encoder.Encode(text).Should().Equal(WithBos(text));
        }

        encoder.ReusedEncodings.Should().Be(0);
    }

    [Fact]
    public void AnotherSubjectsPromptsGetTheirOwnPrefix()
    {
        var tokenizer = new PreTokenizing();
        var reference = new PreTokenizing();
        var encoder = new PrefixReusingEncoder(tokenizer.Encode);
        var other = Questions.Select(q => q.Replace("anatomy", "astronomy", StringComparison.Ordinal)).ToArray();

        foreach (var text in Questions.Concat(other))
        {
            encoder.Encode(text).Should().Equal(reference.Encode(text));
        }

        encoder.ReusedEncodings.Should().Be(4, "two questions of each subject reuse its prefix");
    }

    [Fact]
    public void ShortTextsAreEncodedOnceAndRemembered()
    {
        var tokenizer = new PreTokenizing();
        var encoder = new PrefixReusingEncoder(tokenizer.Encode);

        for (var i = 0; i < 3; i++)
        {
            encoder.Encode(" A").Should().Equal(new PreTokenizing().Encode(" A"));
        }

        tokenizer.Calls.Should().Be(1);
    }
    [Fact]
    public void TextsEncodedFromTwoThreadsAtOnceEachGetTheirWholeEncoding()
    {
        // The evaluator tokenizes the next questions beside the engine, which may encode too: the kept prefix and the remembered
        // short texts are shared state.
        var tokenizer = new PreTokenizing();
        var wholeIds = new Func<string, int[]>(text => [.. QwenPreTokens().Matches(text).Select(m => StringComparer.Ordinal.GetHashCode(m.Value))]);
        var encoder = new PrefixReusingEncoder(text =>
        {
            lock (tokenizer)
            {
                return tokenizer.Encode(text);
            }
        });
        var texts = Enumerable.Range(0, 400).Select(i => i % 5 == 4 ? $" {(char)('A' + (i % 4))}" : Questions[i % Questions.Length] + new string(' ', i % 3)).ToArray();
        var results = new IReadOnlyList<int>[texts.Length];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = TestContext.Current.CancellationToken }, i => results[i] = encoder.Encode(texts[i]));

        for (var i = 0; i < texts.Length; i++)
        {
            results[i].Should().Equal(wholeIds(texts[i]), $"text {i}");
        }

        encoder.ReusedEncodings.Should().BePositive();
    }
}
