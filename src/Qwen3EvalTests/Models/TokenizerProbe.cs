namespace Qwen3EvalTests.Models;

/// <summary>The text two tokenizers of one model must agree on (ASCII, CJK, digits, a special token): checked when an engine that tokenizes on its own is opened beside the folder's tokenizer.</summary>
public static class TokenizerProbe
{
    public const string Text = "Question: 1 + 1 = ?\nA. 2\nB. 3\n答案：A<|im_end|>";
}
