using System.Globalization;
using System.Text;

namespace Qwen3EvalTests.Models;

/// <summary>
/// Encodes texts that share a long prefix (a subject's few-shot prompts: the header and the five examples, then one
/// question; or one question's context in each option's whole sequence) by encoding the shared prefix once, and each
/// text's remainder after it — with exactly the ids the tokenizer gives the whole text. The prefix is found by comparing a
/// long text that the kept prefix does not cover with that prefix, or with the last such text.
/// <para>
/// Why the ids are the same: a byte-level BPE tokenizer (Qwen's, GPT-2's) splits the text into pre-tokens with a regular
/// expression and encodes each pre-token on its own, so ids never span a pre-token boundary. The prefix is cut only right
/// after a line feed that is followed by a character that is not white space; in Qwen2's pre-tokenizer pattern
/// (<c>…|\s*[\r\n]+|\s+(?!\S)|\s+</c>, tokenizer.json of every Qwen2/2.5/3 model) every alternative that can hold a line
/// feed ends at the last line feed of a run when the next character is not white space, and no alternative starts a
/// pre-token with a line feed followed by a letter, digit or punctuation: so the cut is always a pre-token boundary, and
/// what follows it cannot change the ids before it. The NFC normalizer does not join across it either (a line feed
/// composes with nothing).
/// </para>
/// <para>
/// Because that argument is about the tokenizer, not about this code, each prefix is also checked on the tokenizer itself
/// before it is used: once for each class of character that can follow it (letter, number, other — the classes the pattern
/// tells apart), the whole text is encoded too and must equal the prefix's ids followed by the remainder's; a prefix that
/// fails is never used (the texts are then encoded whole). A tokenizer that
/// adds a BOS id to every encoding fails this check and is always encoded whole.
/// </para>
/// Short texts (the continuations " A" … " D", asked for with every question) are remembered whole, up to
/// <see cref="MaximumRemembered"/> of them.
/// One per model instance; calls from several threads (the evaluator tokenizes the next questions while the engine scores)
/// take turns.
/// </summary>
/// <param name="encode">The tokenizer: text → ids.</param>
/// <param name="minimumPrefixChars">The shortest prefix worth keeping.</param>
public sealed class PrefixReusingEncoder(Func<string, IReadOnlyList<int>> encode, int minimumPrefixChars = PrefixReusingEncoder.DefaultMinimumPrefixChars)
{
    public const int DefaultMinimumPrefixChars = 64;

    /// <summary>Texts up to this length are remembered with their ids.</summary>
    public const int ShortTextChars = 32;

    /// <summary>The most short texts remembered; the memory is emptied when it is full.</summary>
    public const int MaximumRemembered = 4096;

    private readonly Dictionary<string, IReadOnlyList<int>> shortTexts = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private readonly Func<string, IReadOnlyList<int>> encode = encode ?? throw new ArgumentNullException(nameof(encode));
    /// <summary>The kept prefix: the longest safe cut of what the recent long texts share.</summary>
    private Prefix? current;
    private string? rejected;
    private string? lastLong;

    /// <summary>Texts encoded from a kept prefix plus their remainder (for tests and the bench).</summary>
    public long ReusedEncodings { get; private set; }

    /// <summary>The ids of <paramref name="text"/>, as the tokenizer encodes it whole.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (gate)
        {
            return EncodeInTurn(text);
        }
    }

    private IReadOnlyList<int> EncodeInTurn(string text)
    {
        if (text.Length <= ShortTextChars)
        {
            return EncodeShort(text);
        }

        if (current is { } prefix && prefix.Covers(text))
        {
            var next = NextClass(text, prefix.Text.Length);
            if (next == CharacterClass.Space)
            {
                // White space after a line feed can join its pre-token: the cut is not a boundary here.
                return encode(text);
            }

            if (prefix.VerifiedNext.Contains(next))
            {
                ReusedEncodings++;
                return prefix.Concat(encode(text[prefix.Text.Length..]));
            }

            var whole = encode(text);
            if (prefix.Concat(encode(text[prefix.Text.Length..])).SequenceEqual(whole))
            {
                prefix.VerifiedNext.Add(next);
            }

            return whole;
        }

        var encoded = encode(text);
        if (text.Length >= minimumPrefixChars)
        {
            TryKeepPrefix(text, encoded);
            lastLong = text;
        }

        return encoded;
    }

    private IReadOnlyList<int> EncodeShort(string text)
    {
        if (shortTexts.TryGetValue(text, out var known))
        {
            return known;
        }

        if (shortTexts.Count >= MaximumRemembered)
        {
            shortTexts.Clear();
        }

        IReadOnlyList<int> ids = [.. encode(text)];
        shortTexts[text] = ids;
        return ids;
    }

    /// <summary>
    /// Keeps a new prefix for <paramref name="text"/>, which the kept one does not cover: the kept prefix cut back to what
    /// the text shares with it (so a subject's prefix shrinks to what all its texts share, whatever two questions or one
    /// question's options happen to share beyond it), else what the text shares with the last long text (a new subject).
    /// </summary>
    private void TryKeepPrefix(string text, IReadOnlyList<int> whole)
    {
        var cut = current is { } kept ? CutBefore(text, text.AsSpan().CommonPrefixLength(kept.Text)) : 0;
        if (cut < minimumPrefixChars && lastLong is not null)
        {
            cut = CutBefore(text, text.AsSpan().CommonPrefixLength(lastLong));
        }

        if (cut < minimumPrefixChars || cut >= text.Length)
        {
            return;
        }

        var prefixText = text[..cut];
        if (prefixText == rejected)
        {
            return;
        }

        var prefix = new Prefix(prefixText, [.. encode(prefixText)]);
        if (prefix.Concat(encode(text[cut..])).SequenceEqual(whole))
        {
            prefix.VerifiedNext.Add(NextClass(text, cut));
            current = prefix;
        }
        else
        {
            rejected = prefixText;
        }
    }

    /// <summary>The end of the last line feed within the first <paramref name="length"/> characters that a non-white-space character follows; 0 if none.</summary>
    private static int CutBefore(string text, int length)
    {
        for (var i = Math.Min(length, text.Length - 1); i > 0; i--)
        {
            if (text[i - 1] == '\n' && NextClass(text, i) != CharacterClass.Space)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>
    /// The class of the character at <paramref name="index"/> as Qwen2's pre-tokenizer pattern distinguishes them: a letter
    /// (<c>\p{L}</c>), a number (<c>\p{N}</c>), white space, or anything else; what the pattern does at the cut depends only on it.
    /// </summary>
    private static CharacterClass NextClass(string text, int index)
    {
        if (!Rune.TryGetRuneAt(text, index, out var rune))
        {
            return CharacterClass.Other;
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return CharacterClass.Space;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharacterClass.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharacterClass.Number,
            _ => CharacterClass.Other,
        };
    }

    private enum CharacterClass
    {
        Letter,
        Number,
        Space,
        Other,
    }

    private sealed record Prefix(string Text, int[] Tokens)
    {
        /// <summary>Classes of the character after the prefix for which the tokenizer itself confirmed prefix ids + remainder ids = whole ids.</summary>
        public HashSet<CharacterClass> VerifiedNext { get; } = [];

        public bool Covers(string text) => text.Length > Text.Length && text.StartsWith(Text, StringComparison.Ordinal);

        public int[] Concat(IReadOnlyList<int> rest)
        {
            var ids = new int[Tokens.Length + rest.Count];
            Tokens.CopyTo(ids, 0);
            for (var i = 0; i < rest.Count; i++)
            {
                ids[Tokens.Length + i] = rest[i];
            }

            return ids;
        }
    }
}
